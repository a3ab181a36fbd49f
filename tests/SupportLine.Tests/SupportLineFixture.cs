using Support.Testing.Twilio;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Registry;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Data;
using Support.SupportLine.Features.Escalation;
using Support.SupportLine.Features.Outbound;
using Support.Testing;

namespace Support.SupportLine.Tests;

/// <summary>
/// The SupportLine service in process on its own cloned database, with a clock the tests control, the in-memory bus
/// harness (what it announces is read from its outbox table) and a local fake Twilio its HttpClient is pointed at.
/// Each test class gets its own host, database, clock and fake Twilio.
/// </summary>
public class SupportLineFixture : IAsyncLifetime
{
    /// <summary>A Saturday night in winter (GMT): the line is open at any hour (SL-01).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 22, 30, 0, TimeSpan.Zero);

    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "f1e2d3c4b5a697887766554433221100";
    public const string LineNumber = "+447700900000";
    public const string InboundUrl = "https://support.example.org/api/supportline/webhooks/twilio/sms";
    public const string StatusUrl = "https://support.example.org/api/supportline/webhooks/twilio/status";
    public const string CallStatusUrl = "https://support.example.org/api/supportline/webhooks/twilio/call-status";
    public const string ServiceName = "Rotherham Support Line";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string _database = "";

    public FakeTimeProvider Clock { get; } = new(Start);
    public LogCapture Logs { get; } = new();
    public FakeTwilio Twilio { get; } = new(AccountSid, AuthToken);
    public ServiceHost<SupportLineDbContext> Host { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Twilio.StartAsync();
        _database = await PostgresDatabases.CreateAsync<SupportLineDbContext>("supportline");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SupportLine"] = PostgresDatabases.ConnectionString(_database),
            ["Outbox:SentRetention"] = "3650.00:00:00",
            ["Sms:AccountSid"] = AccountSid,
            ["Sms:AuthToken"] = AuthToken,
            ["Sms:FromNumber"] = LineNumber,
            ["Sms:InboundWebhookUrl"] = InboundUrl,
            ["Sms:StatusCallbackUrl"] = StatusUrl,
            ["Sms:CallStatusCallbackUrl"] = CallStatusUrl,
            ["Sms:ApiBaseUrl"] = Twilio.Url,
            ["Sms:ServiceName"] = ServiceName,
            // Back-off delays run on real time inside the HttpClient pipeline; keep them short in tests.
            ["Sms:RetryBaseDelay"] = "00:00:00.010",
            // Tests run the dispatcher's and the escalation job's passes themselves (DispatchAsync, EscalateAsync): a
            // background pass could take a text before the test has set up what that pass should meet.
            ["Sms:JobsEnabled"] = "false",
        };
        await ConfigureAsync(settings);
        Host = new ServiceHost<SupportLineDbContext>(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            Logs.AddTo(services);
            services.AddMassTransitTestHarness();
        });
        Anonymous = Host.CreateClient();
    }

    /// <summary>A test class's own settings (another transport, say), applied over the defaults before the host starts.</summary>
    protected virtual Task ConfigureAsync(IDictionary<string, string?> settings) => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Twilio.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    public SupportLineDbContext CreateDbContext() => PostgresDatabases.CreateContext<SupportLineDbContext>(_database);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public HttpClient ClientFor(string role, string? user = null) => Host.ClientFor(role, user);

    /// <summary>A signed inbound text as Twilio posts it; returns the response.</summary>
    public async Task<HttpResponseMessage> TextAsync(string from, string body, string? sid = null, IDictionary<string, string>? extra = null)
    {
        var form = InboundForm(from, body, sid);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }
        return await Anonymous.SendAsync(TwilioSigner.Request("/api/supportline/webhooks/twilio/sms", AuthToken, InboundUrl, form));
    }

    public static Dictionary<string, string> InboundForm(string from, string body, string? sid = null)
    {
        sid ??= NewSid();
        return new Dictionary<string, string>
        {
            ["ToCountry"] = "GB", ["ToState"] = "", ["SmsMessageSid"] = sid, ["NumMedia"] = "0", ["ToCity"] = "", ["FromZip"] = "",
            ["SmsSid"] = sid, ["FromState"] = "", ["SmsStatus"] = "received", ["FromCity"] = "", ["Body"] = body, ["FromCountry"] = "GB",
            ["To"] = LineNumber, ["ToZip"] = "", ["NumSegments"] = "1", ["MessageSid"] = sid, ["AccountSid"] = AccountSid, ["From"] = from,
            ["ApiVersion"] = "2010-04-01",
        };
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    public async Task<HttpResponseMessage> StatusAsync(string sid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = status, ["SmsStatus"] = status, ["AccountSid"] = AccountSid,
            ["From"] = LineNumber, ["To"] = "+447700900999", ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }
        return await Anonymous.SendAsync(TwilioSigner.Request("/api/supportline/webhooks/twilio/status", AuthToken, StatusUrl, form));
    }

    /// <summary>A call progress callback as Twilio signs it (voice status callbacks carry CallSid, CallStatus and, at the end, CallDuration).</summary>
    public async Task<HttpResponseMessage> CallStatusAsync(string sid, string status, int? duration = null)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = sid, ["CallStatus"] = status, ["AccountSid"] = AccountSid, ["From"] = LineNumber, ["To"] = "+447700900999",
            ["Direction"] = "outbound-api", ["ApiVersion"] = "2010-04-01", ["CallbackSource"] = "call-progress-events", ["SequenceNumber"] = "0",
        };
        if (duration is not null)
        {
            form["CallDuration"] = duration.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await Anonymous.SendAsync(TwilioSigner.Request("/api/supportline/webhooks/twilio/call-status", AuthToken, CallStatusUrl, form));
    }

    /// <summary>Hands every stored outbound text to (fake) Twilio now, as the dispatcher's next pass would.</summary>
    public Task<int> DispatchAsync() => Host.Services.GetRequiredService<OutboundDispatcher>().RunOnceAsync(CancellationToken.None);

    public Task<int> EscalateAsync() => Host.Services.GetRequiredService<UnansweredEscalationJob>().RunOnceAsync(CancellationToken.None);

    public async Task<Guid> KnownYoungPersonAsync(string name = "Casey Vale")
    {
        var id = Guid.NewGuid();
        await using var db = CreateDbContext();
        db.Add(KnownYoungPerson.FromRegistry(id, name, new DateOnly(2010, 4, 9), 1, Now));
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RegisterWorkerPhoneAsync(string phone, string workerUserId)
    {
        var response = await ClientFor(Roles.TeamManager, "duty-manager").PostAsJsonAsync("/api/supportline/worker-phones", new { phone, workerUserId });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<List<T>> OutboxAsync<T>(Func<T, bool>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    public async Task<int> StoredInboundCountAsync()
    {
        await using var db = CreateDbContext();
        return await db.InboundMessages.CountAsync();
    }
}

internal static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(SupportLineFixture.Json))!;

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
