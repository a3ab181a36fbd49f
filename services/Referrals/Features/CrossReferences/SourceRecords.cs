using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>
/// Where on the source young person's record a cross-reference or an adult tag comes from (REF-19): one of a closed set
/// of kinds and, when given, the id of that record, which must exist on the source child's record (422 otherwise), so a
/// tag always points back to something a reader can open; the same rule as any other reference (issue 15, item 4).
/// </summary>
internal static class SourceRecords
{
    /// <summary>The kinds, each with how its id is found on one young person's record.</summary>
    private static readonly Dictionary<string, Func<ReferralsDbContext, Guid, Guid, CancellationToken, Task<bool>>> Kinds = new(StringComparer.Ordinal)
    {
        ["referral"] = (db, child, id, ct) => db.Referrals.AnyAsync(r => r.Id == id && r.YoungPersonId == child, ct),
        ["case-note"] = (db, child, id, ct) => db.ChronologyEntries.AnyAsync(e => e.Id == id && e.YoungPersonId == child && e.Kind == ChronologyEntryKind.CaseNote, ct),
        ["chronology-entry"] = (db, child, id, ct) => db.ChronologyEntries.AnyAsync(e => e.Id == id && e.YoungPersonId == child, ct),
        ["visit"] = (db, child, id, ct) => db.Set<CaseVisit>().AnyAsync(v => v.Id == id && v.YoungPersonId == child, ct),
        ["strategy-meeting"] = (db, child, id, ct) => db.Set<StrategyMeeting>().AnyAsync(m => m.Id == id && m.YoungPersonIds.Contains(child), ct),
        ["assessment"] = (db, child, id, ct) => db.Set<Assessment>().AnyAsync(a => a.Id == id && a.YoungPersonId == child, ct),
        ["risk-assessment"] = (db, child, id, ct) => db.Set<RiskAssessment>().AnyAsync(r => r.Id == id && r.YoungPersonId == child, ct),
        // Another service's record (an outreach contact, a support-line conversation, a return interview) that reached
        // the child's chronology: found by the record id its chronology entry carries.
        ["contact"] = (db, child, id, ct) => db.ChronologyEntries.AnyAsync(e => e.SourceRecordId == id && e.YoungPersonId == child, ct),
    };

    public static readonly string KindList = string.Join(", ", Kinds.Keys.Select(k => $"'{k}'"));

    /// <summary>The shape checks (400): a known kind, and a reference that is an id.</summary>
    public static ValidationErrors CheckShape(this ValidationErrors errors, string? kind, string? reference) => errors
        .Required("sourceKind", kind, 60)
        .When(kind is not null && !Kinds.ContainsKey(kind), "sourceKind", $"'sourceKind' is one of {KindList}.")
        .When(!string.IsNullOrWhiteSpace(reference) && !Guid.TryParse(reference.Trim(), out _), "sourceReference",
            "'sourceReference' is the id of the record on the source young person's record, or left out.");

    /// <summary>The reference resolves (422 otherwise): a record of that kind on <paramref name="youngPersonId"/>'s record.</summary>
    public static async Task<ValidationErrors> CheckResolvesAsync(
        this ValidationErrors errors, ReferralsDbContext db, Guid youngPersonId, string kind, string? reference, CancellationToken cancellationToken)
    {
        if (Normalise(reference) is { } id && !await Kinds[kind](db, youngPersonId, id, cancellationToken))
        {
            errors.Add("sourceReference", $"No {kind} with this id is on the source young person's record.");
        }
        return errors;
    }

    /// <summary>The reference as stored: the id in its canonical form, or null.</summary>
    public static Guid? Normalise(string? reference) =>
        !string.IsNullOrWhiteSpace(reference) && Guid.TryParse(reference.Trim(), out var id) ? id : null;
}
