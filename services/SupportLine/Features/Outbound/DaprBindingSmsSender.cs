using System.Text;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Support.SupportLine.Features.Outbound;

/// <summary>
/// <c>Sms:Transport=dapr</c>: texts through the Dapr Twilio output binding (<c>bindings.twilio.sms</c>, component
/// <c>Sms:Dapr:Binding</c>, k8s/base/dapr/sms-binding.yaml) with <see cref="DaprClient"/>, which calls the sidecar over
/// gRPC (twilio.md §6). Its limits, which is why the Twilio package over our own HttpClient stays the default:
/// <list type="bullet">
/// <item>no Message SID comes back, so a text is recorded as handed over (<c>Sent</c>) and no status callback ever moves
/// it on to delivered or failed;</item>
/// <item>the binding cannot ask for a <c>StatusCallback</c>, and Twilio's error codes do not come back: a 21610 (opted
/// out) is not learned here, only from the STOP text itself, which the line already records;</item>
/// <item>the sidecar's own retries are the binding's; an unavailable sidecar is retried on a later pass, any other
/// refusal fails the text (it may or may not have reached Twilio, and a second text to a young person is not harmless).</item>
/// </list>
/// Calls cannot go this way: the binding only sends texts.
/// </summary>
public sealed class DaprBindingSmsSender(DaprClient dapr, IOptions<SupportLineOptions> options) : ISmsSender
{
    public async Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        try
        {
            // The raw text, not InvokeBindingAsync<string>: that JSON-serialises the data, and the binding sends its bytes
            // as the Body, quotes and escapes included. toNumber per request: the component must not set one, or it
            // would override every recipient (twilio.md §6).
            var request = new BindingRequest(options.Value.Dapr.Binding, "create") { Data = Encoding.UTF8.GetBytes(body) };
            request.Metadata["toNumber"] = to;
            await dapr.InvokeBindingAsync(request, cancellationToken);
            return new SendResult(null, "sent", null, false);
        }
        catch (Exception e) when (Unavailable(e))
        {
            return new SendResult(null, null, null, Transient: true);
        }
        catch (DaprException)
        {
            return new SendResult(null, null, null, Transient: false);
        }
    }

    private static bool Unavailable(Exception e) =>
        e is DaprException { InnerException: RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } }
        or RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded }
        or HttpRequestException;
}
