using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.TwiML;
using Twilio.Types;

namespace Support.SupportLine.Features.Outbound;

/// <summary>The outcome of asking the provider to place a call.</summary>
public sealed record CallResult(string? Sid, string Status, int? ErrorCode);

public interface ICallPlacer
{
    /// <summary>Rings <paramref name="to"/> and, when answered, connects <paramref name="connectTo"/> (a worker's phone).</summary>
    Task<CallResult> PlaceAsync(string to, string connectTo, CancellationToken cancellationToken);
}

/// <summary>
/// Twilio's Calls API through the Twilio package, over the same <c>twilio</c> HttpClient as texts (its 429 retries and,
/// in tests, the host rewrite to the local stand-in). The call's TwiML only dials the worker, with the line's number as
/// caller id: nothing is said, so a call never names the service to whoever holds the young person's phone (SL-03).
/// Its progress comes back to <c>Sms:CallStatusCallbackUrl</c> (<see cref="Webhooks.ReceiveCallStatusCallback"/>).
/// </summary>
public sealed class TwilioCallPlacer(IHttpClientFactory httpClients, IOptions<SupportLineOptions> options) : ICallPlacer
{
    public async Task<CallResult> PlaceAsync(string to, string connectTo, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, accountSid: settings.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(TwilioSmsSender.HttpClientName)));
        var connect = new VoiceResponse().Dial(number: connectTo, callerId: settings.FromNumber);
        var create = new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(settings.FromNumber)) { Twiml = new Twiml(connect.ToString()) };
        if (!string.IsNullOrEmpty(settings.CallStatusCallbackUrl))
        {
            // Without these Twilio reports only the end of the call; the worker's screen shows it ringing and answered too.
            create.StatusCallback = new Uri(settings.CallStatusCallbackUrl);
            create.StatusCallbackMethod = Twilio.Http.HttpMethod.Post;
            create.StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"];
        }
        try
        {
            var call = await CallResource.CreateAsync(create, client);
            return new CallResult(call.Sid, call.Status?.ToString() ?? "queued", null);
        }
        catch (ApiException e)
        {
            return new CallResult(null, "failed", e.Code == 0 ? null : e.Code);
        }
        catch (Exception e) when (e is ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            return new CallResult(null, "failed", null);
        }
    }
}

/// <summary><c>Sms:Transport=local</c> (development only): no call leaves the machine; it is recorded as placed.</summary>
public sealed class LocalCallPlacer : ICallPlacer
{
    public Task<CallResult> PlaceAsync(string to, string connectTo, CancellationToken cancellationToken) =>
        Task.FromResult(new CallResult("CA" + Guid.NewGuid().ToString("N"), "queued", null));
}
