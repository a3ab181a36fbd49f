using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>
/// REF-16, Part I <c>RiskReviewDeadline</c>: a missed review is never silent; each open review past due is announced
/// once with <c>RiskReviewOverdue</c>.
/// </summary>
public sealed class RiskReviewOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RiskReviewOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        AnnounceAsync<RiskReview, RiskReviewOverdue>(
            _ => "claimed.status = 'Open' AND claimed.due_at < @now AND claimed.overdue_notified_at IS NULL", "due_at",
            (review, now, _) => review.MarkOverdueNotified(now)
                ? new RiskReviewOverdue { ReviewId = review.Id, YoungPersonId = review.YoungPersonId, DueAt = review.DueAt, OccurredAt = now }
                : null,
            cancellationToken);
}
