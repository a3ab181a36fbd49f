using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Cases;

/// <summary>Opening a case, shared by the endpoint and the referral-decision consumer.</summary>
internal static class CaseOpening
{
    public static Task<Case?> OpenCaseOfAsync(this ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.Set<Case>().SingleOrDefaultAsync(c => c.YoungPersonId == youngPersonId && c.Status == CaseStatus.Open, cancellationToken);

    /// <summary>Stages the case, its first lead-team period and <see cref="CaseOpened"/> in one unit of work.</summary>
    public static Case Open(
        ReferralsDbContext db, IOutbox outbox, Guid youngPersonId, Guid? referralId, string leadTeam, AllocationCriterion criterion,
        string criteriaVersion, DateTimeOffset openedAt, Author author)
    {
        var (@case, leadTeamPeriod) = Case.Open(youngPersonId, referralId, leadTeam, criterion, criteriaVersion, openedAt, author);
        db.Add(@case);
        db.Add(leadTeamPeriod);
        outbox.Add(new CaseOpened
        {
            CaseId = @case.Id,
            YoungPersonId = youngPersonId,
            ReferralId = referralId,
            LeadTeam = leadTeam,
            RecordedBy = author.UserId,
            OccurredAt = openedAt,
        });
        return @case;
    }
}
