namespace Support.SupportLine.Features.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>Anonymous: Twilio has no token. The signature is the authentication; the gateway rate-limits the route.</summary>
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supportline/webhooks/twilio").AllowAnonymous().WithTags("Twilio webhooks").DisableAntiforgery();
        group.MapPost("/sms", ReceiveInboundSms.HandleAsync);
        group.MapPost("/status", ReceiveStatusCallback.HandleAsync);
        return app;
    }
}
