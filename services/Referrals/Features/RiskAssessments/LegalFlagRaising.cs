using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>
/// REF-07: a legal age flag belongs to the child, whichever record shows the trigger (a risk assessment, a referral at
/// intake). Each flag goes on the young person's flags with the record it came from, opens a manager's
/// safeguarding-decision task, and is announced (<c>LegalFlagRaised</c>, which reaches the chronology). One place, so
/// every source raises flags the same way.
/// </summary>
public static class LegalFlagRaising
{
    public static void Raise(
        ReferralsDbContext db, IOutbox outbox, Guid youngPersonId, IEnumerable<LegalFlag> flags, Guid sourceId, DateOnly eventDate, int age, Author author)
    {
        foreach (var flag in flags)
        {
            db.LegalFlags.Add(YoungPersonLegalFlag.Raise(youngPersonId, flag, sourceId, eventDate, age, author));
            // REF-07: either flag creates a task for a manager to make a safeguarding decision.
            db.ManagerTasks.Add(ManagerTask.ForLegalFlag(youngPersonId, flag, sourceId, author));
            outbox.Add(new LegalFlagRaised
            {
                YoungPersonId = youngPersonId,
                SourceId = sourceId,
                Flag = flag,
                AgeOnEventDate = age,
                RecordedBy = author.UserId,
                OccurredAt = author.At,
            });
        }
    }

    /// <summary>
    /// REF-07: the safeguarding-decision tasks of the child's legal flags that no manager has decided yet. While any is
    /// open, no s47 outcome may conclude that there is no statutory role.
    /// </summary>
    public static Task<List<ManagerTask>> UndecidedAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.ManagerTasks.AsNoTracking()
            .Where(t => t.YoungPersonId == youngPersonId && t.Kind == ManagerTaskKind.SafeguardingDecision
                && !db.ManagerTaskCompletions.Any(c => c.TaskId == t.Id))
            .OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
}
