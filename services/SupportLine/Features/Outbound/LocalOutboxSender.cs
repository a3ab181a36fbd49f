namespace Support.SupportLine.Features.Outbound;

/// <summary>
/// <c>Sms:Transport=local</c>, for development only (<c>tools/run</c>): a stand-in for Twilio that sends nothing off the
/// machine. Each text is accepted with a local SID and counts as delivered, so it appears in the line's outbox
/// (<c>GET /api/supportline/outbox</c>) where the duty worker can read it. Refused outside Development.
/// </summary>
public sealed class LocalOutboxSender : ISmsSender
{
    public Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken) =>
        Task.FromResult(new SendResult("SM" + Guid.NewGuid().ToString("N"), "delivered", null, false));
}
