using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Messaging.Jobs;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Outbound;

/// <summary>
/// Hands stored texts to the SMS provider. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two replicas never
/// send the same text. The opt-out list is checked at the moment of sending: nothing is ever sent to an opted-out
/// number, whenever it opted out. Twilio's 21610 adds the number to the list (twilio.md §4). A text outside the young
/// person's safe times waits, still pending, until the next one (SL-03, <see cref="SafeTimes"/>).
/// </summary>
public sealed partial class OutboundDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<SupportLineOptions> options, ILogger<OutboundDispatcher> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 20;

    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override bool Enabled => options.Value.JobsEnabled;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) == BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>One pass; returns how many texts it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportLineDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync<OutboundSms>(db, "claimed.status = 'Pending' AND (claimed.not_before IS NULL OR claimed.not_before <= @now)",
            "claimed.requested_at", BatchSize, Clock.GetUtcNow(), cancellationToken);
        foreach (var message in batch)
        {
            var now = Clock.GetUtcNow();
            // Nothing goes to an opted-out number, nor to one reported as a perpetrator's (SL-04).
            if (await db.OptOuts.AnyAsync(o => o.Phone == message.To, cancellationToken)
                || await db.ReportedNumbers.AnyAsync(r => r.Phone == message.To, cancellationToken))
            {
                message.Refused(DeliveryStatus.Blocked, null, now);
                LogBlocked(Logger, message.Id);
                continue;
            }
            if (await SafeTimes.HoldUntilAsync(db, message.To, message.Kind, message.ConversationId, now, options.Value.ReplyGraceAfterInbound, cancellationToken) is { } safeFrom)
            {
                message.HoldUntil(safeFrom);
                LogHeld(Logger, message.Id);
                continue;
            }
            var result = await sender.SendAsync(message.To, message.Body, cancellationToken);
            if (result.Sid is not null || result.Status is not null)
            {
                // No SID is the Dapr binding's limit: the text was handed over, and no callback will say more.
                message.Accepted(result.Sid, Parse(result.Status), now);
                LogSent(Logger, message.Id, result.Sid ?? "(no SID: Dapr binding)");
            }
            else if (result.ErrorCode == 21610)
            {
                message.Refused(DeliveryStatus.Blocked, 21610, now);
                if (!await db.OptOuts.AnyAsync(o => o.Phone == message.To, cancellationToken) && !db.OptOuts.Local.Any(o => o.Phone == message.To))
                {
                    db.OptOuts.Add(new OptOut { Phone = message.To, OptedOutAt = now, Source = "twilio-21610" });
                }
                LogRefused(Logger, message.Id, 21610);
            }
            else if (result.Transient && message.Attempts + 1 < options.Value.MaxSendAttempts)
            {
                message.AttemptFailed();
                LogRetryLater(Logger, message.Id);
            }
            else
            {
                message.Refused(DeliveryStatus.Failed, result.ErrorCode, now);
                LogRefused(Logger, message.Id, result.ErrorCode);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private static DeliveryStatus Parse(string? status) => status switch
    {
        "sending" => DeliveryStatus.Sending,
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        _ => DeliveryStatus.Queued,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound text {Id} not sent: the number opted out or is a person of concern's")]
    private static partial void LogBlocked(ILogger logger, Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound text {Id} held until the young person's next safe time")]
    private static partial void LogHeld(ILogger logger, Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound text {Id} accepted as {MessageSid}")]
    private static partial void LogSent(ILogger logger, Guid id, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound text {Id} refused by the provider (error {ErrorCode})")]
    private static partial void LogRefused(ILogger logger, Guid id, int? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound text {Id} not sent this time; retried on a later pass")]
    private static partial void LogRetryLater(ILogger logger, Guid id);
}
