using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Support.Testing.Twilio;

/// <summary>
/// A local stand-in for Twilio's Messages API on a loopback port (the service reaches it through its host-rewriting
/// handler). It checks what Twilio checks: Basic auth with the account SID and auth token, the account in the path, a
/// form with To, From and Body; and it answers as Twilio does: 201 with a message resource, or Twilio's error body
/// <c>{code, message, more_info, status}</c> (401/20003, 400/21610 for a blocked number, 429/20429 when throttled).
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public sealed record Sent(string Sid, string To, string From, string Body, string? StatusCallback);

    public sealed record Call(string Sid, string To, string From, string Twiml, string? StatusCallback, IReadOnlyList<string> StatusCallbackEvents);

    private readonly WebApplication _app;
    private int _throttle;

    public FakeTwilio(string accountSid, string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpRequest request) =>
        {
            Requests++;
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
            if (request.Headers.Authorization.ToString() != expected || account != accountSid)
            {
                return Error(401, 20003, "Authenticate");
            }
            if (!request.HasFormContentType)
            {
                return Error(400, 21602, "Message body is required.");
            }
            var form = await request.ReadFormAsync();
            string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
            var to = Field("To");
            var from = Field("From");
            var body = Field("Body");
            if (string.IsNullOrEmpty(to) || !to.StartsWith('+'))
            {
                return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
            }
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(body))
            {
                return Error(400, 21602, "Message body is required.");
            }
            if (Interlocked.Decrement(ref _throttle) >= 0)
            {
                Throttled++;
                return Error(429, 20429, "Too Many Requests");
            }
            if (Blocked.ContainsKey(to))
            {
                return Error(400, 21610, "Attempt to send to unsubscribed recipient");
            }
            var sid = "SM" + Guid.NewGuid().ToString("N");
            Messages.Enqueue(new Sent(sid, to, from, body, Field("StatusCallback")));
            return Results.Json(new Dictionary<string, object?>
            {
                ["account_sid"] = accountSid, ["api_version"] = "2010-04-01", ["body"] = body, ["date_created"] = DateTimeOffset.UtcNow.ToString("r"),
                ["date_sent"] = null, ["date_updated"] = DateTimeOffset.UtcNow.ToString("r"), ["direction"] = "outbound-api", ["error_code"] = null,
                ["error_message"] = null, ["from"] = from, ["messaging_service_sid"] = null, ["num_media"] = "0", ["num_segments"] = "1", ["price"] = null,
                ["price_unit"] = "USD", ["sid"] = sid, ["status"] = "queued", ["to"] = to,
                ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
            }, statusCode: 201);
        });
        // The Calls API (twilio.md): To, From, and the call's instructions as Twiml (or a Url); 201 with a call resource.
        _app.MapPost("/2010-04-01/Accounts/{account}/Calls.json", async (string account, HttpRequest request) =>
        {
            Requests++;
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
            if (request.Headers.Authorization.ToString() != expected || account != accountSid)
            {
                return Error(401, 20003, "Authenticate");
            }
            var form = await request.ReadFormAsync();
            string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
            var to = Field("To");
            var from = Field("From");
            var twiml = Field("Twiml");
            if (string.IsNullOrEmpty(to) || !to.StartsWith('+'))
            {
                return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
            }
            if (string.IsNullOrEmpty(from) || (string.IsNullOrEmpty(twiml) && string.IsNullOrEmpty(Field("Url"))))
            {
                return Error(400, 21205, "Url or Twiml parameter is required.");
            }
            if (RefuseCallsTo.TryGetValue(to, out var code))
            {
                return Error(400, code, "The call could not be created.");
            }
            var sid = "CA" + Guid.NewGuid().ToString("N");
            Calls.Enqueue(new Call(sid, to, from, twiml ?? "", Field("StatusCallback"), form.TryGetValue("StatusCallbackEvent", out var events) ? events.Select(e => e ?? "").ToArray() : []));
            return Results.Json(new Dictionary<string, object?>
            {
                ["account_sid"] = accountSid, ["api_version"] = "2010-04-01", ["date_created"] = null, ["direction"] = "outbound-api",
                ["from"] = from, ["to"] = to, ["sid"] = sid, ["status"] = "queued", ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Calls/{sid}.json",
            }, statusCode: 201);
        });
    }

    public ConcurrentQueue<Sent> Messages { get; } = new();
    public ConcurrentQueue<Call> Calls { get; } = new();
    /// <summary>Numbers a call to is refused with the given Twilio error code (400), as for an unreachable or barred number.</summary>
    public ConcurrentDictionary<string, int> RefuseCallsTo { get; } = new();
    public ConcurrentDictionary<string, bool> Blocked { get; } = new();
    public int Requests { get; private set; }
    public int Throttled { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>The next <paramref name="count"/> requests get 429/20429.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttle, count);

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);
}
