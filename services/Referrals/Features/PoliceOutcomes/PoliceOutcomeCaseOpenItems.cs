using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.PoliceOutcomes;

/// <summary>
/// REF-09: "Closure requires a social-care risk assessment dated after the police outcome". While the young person's
/// latest police outcome (one no correction has replaced) has no risk assessment recorded after it, the case cannot
/// close; the manager's rationale that closure already asks for (REF-25) does not wave it through. A correction counts
/// from when it was recorded: social care assesses what the police are now known to have decided.
/// An assessment recorded in the police-liaison role does not count: it must be social care's own decision.
/// </summary>
public sealed class PoliceOutcomeCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public const string Kind = "PoliceOutcome";

    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcomes = db.PoliceOutcomes.AsNoTracking().Where(o => o.YoungPersonId == @case.YoungPersonId);
        // A correction is recorded after what it corrects, so the newest record is normally current; the filter also
        // holds when both carry the same instant.
        var latest = await outcomes
            .Where(o => !outcomes.Any(c => c.CorrectsId == o.Id))
            .OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return [];
        }
        var assessedSince = await db.RiskAssessments.AsNoTracking().AnyAsync(
            a => a.YoungPersonId == @case.YoungPersonId && a.RecordedAt > latest.RecordedAt && a.RecordedByRole != Roles.PoliceLiaison,
            cancellationToken);
        return assessedSince
            ? []
            :
            [
                new CaseOpenItem(
                    $"police-outcome:{latest.Id}", Kind,
                    $"Police outcome {latest.Outcome} on {latest.OutcomeOn:yyyy-MM-dd} (recorded {London.Describe(latest.RecordedAt)}) has no social-care "
                    + "risk assessment recorded after it: social care reaches its own decision before the case closes (REF-09).",
                    BlocksClosure: true),
            ];
    }
}
