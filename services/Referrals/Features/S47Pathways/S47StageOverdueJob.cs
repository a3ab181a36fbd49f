using Support.Contracts.Referrals;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.S47;
using Support.Referrals.Features.Deadlines;
using Support.Referrals.Features.OnCall;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>
/// REF-10: each s47 stage has a deadline, and a missed one is announced once per stage (<c>S47StageOverdue</c>), on
/// the bus and in the child's chronology, not only listed. VeryHigh deadlines are calendar hours, so this runs
/// through weekends and holidays like every deadline job; a breach announced out of office hours is routed to the
/// manager on call then (REF-28), and the event says when nobody was.
/// </summary>
public sealed class S47StageOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<S47StageOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // One instant for the whole pass: what is overdue, whether it is out of hours, and who is on call.
        var now = Now;
        var outOfHours = OfficeHours.IsOutOfHours(now);
        string? onCall = null;
        if (outOfHours)
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            onCall = (await WhoIsOnCall.OnCallAtAsync(db, now, cancellationToken))?.ManagerId;
        }
        return await AnnounceAsync<S47Pathway, S47StageOverdue>(
            _ => "claimed.due_at < @now AND claimed.overdue_notified_due_at IS DISTINCT FROM claimed.due_at", "due_at",
            (pathway, at, _) => pathway.MarkOverdueNotified(at)
                ? new S47StageOverdue
                {
                    PathwayId = pathway.Id,
                    YoungPersonId = pathway.YoungPersonId,
                    Stage = pathway.Stage,
                    DueAt = pathway.DueAt!.Value,
                    VeryHigh = pathway.VeryHigh,
                    OutOfHours = outOfHours,
                    OnCallManager = onCall,
                    OccurredAt = at,
                }
                : null,
            cancellationToken, now);
    }
}
