using Support.ServiceDefaults.Load;

namespace Support.SupportLine.Features.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>Anonymous: Twilio has no token. The signature is the authentication; the gateway rate-limits the route.</summary>
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Twilio posts a few KB at most: 64 KB is refused before the form is read (issue 17).
        var group = app.MapGroup("/api/supportline/webhooks/twilio").AllowAnonymous().WithTags("Twilio webhooks").DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024))
            // Twilio delivers in bursts; they wait their turn instead of all reaching the database at once.
            .QueuedInBursts();
        group.MapPost("/sms", ReceiveInboundSms.HandleAsync);
        group.MapPost("/status", ReceiveStatusCallback.HandleAsync);
        group.MapPost("/call-status", ReceiveCallStatusCallback.HandleAsync);
        return app;
    }
}
