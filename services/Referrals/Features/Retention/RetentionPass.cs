using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.Placements;
using Support.Referrals.Domain.Retention;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Retention;

/// <summary>
/// One pass of the retention job (REC-04, <c>RecordRetention</c>), the same whether the schedule or a data protection
/// officer starts it: every registered young person whose retention ended before today (London) and who has no legal
/// hold gets a tombstone and a <c>RetentionPeriodEnded</c>, which every service (this one too) answers by removing
/// what it holds. The pass itself is recorded (<see cref="RetentionRun"/>). Passes never overlap: each holds a
/// transaction-scoped advisory lock, so two replicas cannot both tombstone the same young person.
/// </summary>
public static class RetentionPass
{
    /// <summary>The advisory lock key ("RETN"): one pass at a time across replicas.</summary>
    private const long LockKey = 0x5245_544E;
    public const int BatchSize = 200;
    public const string Scheduler = "retention-job";

    /// <summary>Looked after (the 75th-birthday rule): placed by Referrals, or a care leaver LeavingCare announced.</summary>
    private static readonly ChronologyEntryKind[] CareLeaverEntries = [ChronologyEntryKind.HandoverAlertRaised, ChronologyEntryKind.PersonalAdviserAllocated];

    /// <summary>Runs one pass in the caller's transaction; <c>MoreWaiting</c> when it stopped at a full batch.</summary>
    public static async Task<(RetentionRun Run, bool MoreWaiting)> RunAsync(
        ReferralsDbContext db, IOutbox outbox, RetentionOptions options, DateTimeOffset now, string startedBy, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var today = London.DateOf(now);
        var run = RetentionRun.Start(now, today, startedBy);
        db.Set<RetentionRun>().Add(run);
        // Due in the database first, by each rule's cut-off (a day's slack for 29 February birthdays), so held or
        // not-yet-due young people never fill a batch; then to the day, in code, by the same rule the README states.
        var lookedAfterCutOff = today.AddYears(-options.LookedAfterUntilAge).AddDays(1);
        var otherCutOff = today.AddYears(-(options.OtherUntilAge + options.OtherYearsAfter)).AddDays(1);
        var lookedAfter = db.Set<Placement>().Select(p => p.YoungPersonId)
            .Union(db.ChronologyEntries.Where(e => CareLeaverEntries.Contains(e.Kind)).Select(e => e.YoungPersonId));
        var details = db.Set<YoungPersonDetails>();
        var due = details
            .Where(d => d.Version == details.Where(x => x.YoungPersonId == d.YoungPersonId).Max(x => x.Version))
            .Where(d => lookedAfter.Contains(d.YoungPersonId) ? d.DateOfBirth <= lookedAfterCutOff : d.DateOfBirth <= otherCutOff)
            .Where(d => !db.Set<RetentionTombstone>().Any(t => t.YoungPersonId == d.YoungPersonId))
            .Select(d => new { d.YoungPersonId, d.DateOfBirth, LookedAfter = lookedAfter.Contains(d.YoungPersonId) });
        var holds = db.Set<LegalHold>().Where(h => h.ReleasedAt == null).Select(h => h.YoungPersonId);
        var candidates = await due.Where(d => !holds.Contains(d.YoungPersonId))
            .OrderBy(d => d.DateOfBirth).ThenBy(d => d.YoungPersonId).Take(BatchSize).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var candidate in candidates)
        {
            var (rule, retainUntil) = RetentionRules.For(candidate.DateOfBirth, candidate.LookedAfter, options);
            if (today <= retainUntil)
            {
                continue;
            }
            var tombstone = RetentionTombstone.For(candidate.YoungPersonId, rule, retainUntil, run);
            db.Set<RetentionTombstone>().Add(tombstone);
            outbox.Add(new RetentionPeriodEnded
            {
                TombstoneId = tombstone.Id, YoungPersonId = candidate.YoungPersonId, Rule = rule, RetainUntil = retainUntil, OccurredAt = now,
            });
            erased++;
        }
        // Kept under a legal hold although due (give or take the day's slack): reported with the pass.
        var kept = await due.CountAsync(d => holds.Contains(d.YoungPersonId), cancellationToken);
        run.Counted(erased, kept);
        return (run, candidates.Count == BatchSize);
    }
}
