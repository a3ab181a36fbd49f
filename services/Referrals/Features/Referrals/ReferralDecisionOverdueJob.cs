using Support.Contracts.Referrals;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-04: a referral left undecided past its deadline is announced, once (<c>ReferralDecisionOverdue</c>), and if it
/// is still undecided at its escalation point it goes to a senior manager, once (<c>ReferralDecisionEscalated</c>).
/// </summary>
public sealed class ReferralDecisionOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReferralDecisionOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Overdue first: a referral that passes both points between two passes is announced in that order.
        var overdue = await AnnounceAsync<Referral, ReferralDecisionOverdue>(
            _ => "claimed.decided_at IS NULL AND claimed.overdue_notified_at IS NULL AND claimed.decision_due_at < @now", "decision_due_at",
            (referral, now, _) => referral.MarkOverdueNotified(now)
                ? new ReferralDecisionOverdue
                {
                    ReferralId = referral.Id,
                    YoungPersonId = referral.YoungPersonId,
                    DecisionDueAt = referral.DecisionDueAt,
                    OccurredAt = now,
                }
                : null,
            cancellationToken);
        var escalated = await AnnounceAsync<Referral, ReferralDecisionEscalated>(
            _ => "claimed.decided_at IS NULL AND claimed.escalation_notified_at IS NULL AND claimed.escalates_at < @now", "escalates_at",
            (referral, now, _) => referral.MarkEscalationNotified(now)
                ? new ReferralDecisionEscalated
                {
                    ReferralId = referral.Id,
                    YoungPersonId = referral.YoungPersonId,
                    DecisionDueAt = referral.DecisionDueAt,
                    EscalatesAt = referral.EscalatesAt,
                    OccurredAt = now,
                }
                : null,
            cancellationToken);
        return overdue + escalated;
    }
}
