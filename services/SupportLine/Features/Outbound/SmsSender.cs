using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Support.SupportLine.Features.Outbound;

/// <summary>The outcome of handing a text to the SMS provider.</summary>
public sealed record SendResult(string? Sid, string? Status, int? ErrorCode, bool Transient);

public interface ISmsSender
{
    Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Twilio's Messages API through the Twilio package (twilio.md §3), over the named <c>twilio</c> HttpClient this service
/// configures: its resilience handler retries 429/20429 with exponential back-off and jitter (safe: Twilio did not
/// process those), and in development and tests a handler sends it to a local stand-in. Every text asks for status
/// callbacks. Twilio's error code comes back for the caller to act on (21610: opted out).
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<SupportLineOptions> options) : ISmsSender
{
    public const string HttpClientName = "twilio";

    public async Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, accountSid: settings.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new PhoneNumber(to))
        {
            From = new PhoneNumber(settings.FromNumber),
            Body = body,
            StatusCallback = string.IsNullOrEmpty(settings.StatusCallbackUrl) ? null : new Uri(settings.StatusCallbackUrl),
        };
        try
        {
            var message = await MessageResource.CreateAsync(create, client);
            return new SendResult(message.Sid, message.Status?.ToString(), null, false);
        }
        catch (ApiException e)
        {
            // 429 here means the retries ran out: try again on a later pass. 5xx: Twilio may or may not have sent it,
            // so it is not retried blindly (a duplicate text to a young person is not harmless).
            return new SendResult(null, null, e.Code == 0 ? null : e.Code, Transient: e.Status == 429);
        }
        catch (Exception e) when (e is ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            return new SendResult(null, null, null, Transient: true);
        }
    }
}

/// <summary>
/// Sends requests meant for api.twilio.com to the configured stand-in (the local fake in tests, the development outbox
/// in <c>tools/run</c>). Only the scheme, host and port change; path, auth and form are Twilio's own.
/// </summary>
public sealed class TwilioHostRewriteHandler(Uri target) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
