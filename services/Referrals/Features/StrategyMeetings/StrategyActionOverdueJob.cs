using Support.Contracts.Referrals;
using Support.Referrals.Domain.StrategyMeetings;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>
/// REF-11: every action agreed at a strategy meeting is tracked until done; one not done by its due time is announced
/// once (<c>StrategyActionOverdue</c>), recorded as its own notice row so the action itself never changes.
/// </summary>
public sealed class StrategyActionOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StrategyActionOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        AnnounceAsync<StrategyAction, StrategyActionOverdue>(
            // COM-10: against the current due time, the last deferral's when the action was moved.
            db => $"COALESCE((SELECT max(d.to_due_at) FROM {db.TableOf<StrategyActionDeferral>()} AS d WHERE d.action_id = claimed.id), claimed.due_at) < @now "
                + $"AND NOT EXISTS (SELECT 1 FROM {db.TableOf<StrategyActionCompletion>()} AS c WHERE c.action_id = claimed.id) "
                + $"AND NOT EXISTS (SELECT 1 FROM {db.TableOf<StrategyActionOverdueNotice>()} AS n WHERE n.action_id = claimed.id)",
            "due_at",
            (action, now, db) =>
            {
                // The claim loads the action alone: its deferrals, for the due time that passed.
                db.Entry(action).Collection(a => a.Deferrals).Load();
                if (StrategyActionOverdueNotice.For(action, now) is not { } notice)
                {
                    return null;
                }
                db.StrategyActionOverdueNotices.Add(notice);
                return new StrategyActionOverdue
                {
                    ActionId = action.Id,
                    MeetingId = action.MeetingId,
                    YoungPersonId = action.YoungPersonId,
                    DueAt = action.CurrentDueAt,
                    OccurredAt = now,
                };
            },
            cancellationToken);
}
