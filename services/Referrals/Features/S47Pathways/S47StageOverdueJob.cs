using Support.Contracts.Referrals;
using Support.Referrals.Domain.S47;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>
/// REF-10: each s47 stage has a deadline, and a missed one is announced once per stage (<c>S47StageOverdue</c>), on
/// the bus and in the child's chronology, not only listed. VeryHigh deadlines are calendar hours (REF-28), so this
/// runs through weekends and holidays like every deadline job.
/// </summary>
public sealed class S47StageOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<S47StageOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        AnnounceAsync<S47Pathway, S47StageOverdue>(
            _ => "claimed.due_at < @now AND claimed.overdue_notified_due_at IS DISTINCT FROM claimed.due_at", "due_at",
            (pathway, now, _) => pathway.MarkOverdueNotified(now)
                ? new S47StageOverdue
                {
                    PathwayId = pathway.Id,
                    YoungPersonId = pathway.YoungPersonId,
                    Stage = pathway.Stage,
                    DueAt = pathway.DueAt!.Value,
                    VeryHigh = pathway.VeryHigh,
                    OccurredAt = now,
                }
                : null,
            cancellationToken);
}
