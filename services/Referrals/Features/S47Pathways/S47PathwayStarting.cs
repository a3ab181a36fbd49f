using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.S47;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>Starting a pathway, by hand or from a referral decision: the same rules and the same announcement.</summary>
internal static class S47PathwayStarting
{
    /// <summary>REF-28: a young person whose current risk is <c>VeryHigh</c> gets calendar-hour deadlines.</summary>
    public static Task<bool> IsVeryHighAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.CurrentRiskLevels.AnyAsync(r => r.YoungPersonId == youngPersonId && r.Level == RiskLevel.VeryHigh, cancellationToken);

    public static async Task<S47Pathway> StartAsync(
        ReferralsDbContext db, IOutbox outbox, S47Options options, Guid youngPersonId, Guid? referralId,
        DateTimeOffset reasonableCauseAt, Author author, CancellationToken cancellationToken)
    {
        var veryHigh = await IsVeryHighAsync(db, youngPersonId, cancellationToken);
        var pathway = S47Pathway.Start(youngPersonId, referralId, reasonableCauseAt, veryHigh, options, author);
        db.S47Pathways.Add(pathway);
        outbox.Add(Reached(pathway, pathway.Transitions[^1]));
        return pathway;
    }

    public static S47StageReached Reached(S47Pathway pathway, S47StageTransition transition) => new()
    {
        PathwayId = pathway.Id,
        YoungPersonId = pathway.YoungPersonId,
        FromStage = transition.FromStage,
        ToStage = transition.ToStage,
        NextDueAt = transition.DueAt,
        RecordedBy = transition.RecordedBy,
        RecordedByRole = transition.RecordedByRole,
        OccurredAt = transition.OccurredAt,
    };
}
