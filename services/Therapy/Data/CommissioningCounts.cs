using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.Therapy.Domain;
using Support.Therapy.Features.Reports;

namespace Support.Therapy.Data;

/// <summary>
/// The commissioner reports' read models (COM-03 triggers, COM-06/07/12 demand), kept by upserts in the consumer's own
/// transaction, so a fact or referral that fails to save counts nothing. The reports then read a few thousand counts a
/// year instead of millions of rows (tools/bench commissioner-reports).
/// </summary>
public static class CommissioningCounts
{
    private const string CountTriggerDay = $"INSERT INTO {TherapyDbContext.Schema}.trigger_day_counts (kind, day, records) VALUES ({{0}}, {{1}}, 1) "
        + "ON CONFLICT (kind, day) DO UPDATE SET records = trigger_day_counts.records + 1";
    private const string CountTriggerPerson = $"INSERT INTO {TherapyDbContext.Schema}.trigger_year_people (year_start, kind, young_person_id) "
        + "VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";
    private const string CountTriggerAnyPerson = $"INSERT INTO {TherapyDbContext.Schema}.trigger_year_any_people (year_start, young_person_id) "
        + "VALUES ({0}, {1}) ON CONFLICT DO NOTHING";
    private const string CountTriggerLate = $"INSERT INTO {TherapyDbContext.Schema}.trigger_late_counts (year_start, kind, records, last_recorded_at) "
        + "VALUES ({0}, {1}, 1, {2}) ON CONFLICT (year_start, kind) DO UPDATE SET records = trigger_late_counts.records + 1, "
        + "last_recorded_at = GREATEST(trigger_late_counts.last_recorded_at, excluded.last_recorded_at)";
    private const string CountReferralMonth = $"INSERT INTO {TherapyDbContext.Schema}.referral_month_counts "
        + "(month, referrer_role, cse_type, adult_first_referral, referrals) VALUES ({0}, {1}, {2}, {3}, {4}) "
        + "ON CONFLICT (month, referrer_role, cse_type, adult_first_referral) DO UPDATE SET referrals = referral_month_counts.referrals + excluded.referrals";
    private const string CountReferredPerson = $"INSERT INTO {TherapyDbContext.Schema}.referral_year_people (year_start, young_person_id) "
        + "VALUES ({0}, {1}) ON CONFLICT DO NOTHING";
    private const string LockReferral = "SELECT pg_advisory_xact_lock(hashtextextended({0}, 2026))";

    /// <summary>
    /// COM-03: one more record of the fact's trigger on its London day, and its young person among that trigger's (and any
    /// trigger's) for the year; COM-09: one more late record of its year when it was recorded after that year ended.
    /// </summary>
    public static async Task CountTriggerAsync(TherapyDbContext db, CommissioningFact fact, CancellationToken cancellationToken)
    {
        var day = London.DateOf(fact.OccurredAt);
        var financialYear = FinancialYear.Of(day);
        var year = financialYear.StartYear;
        var kind = fact.Kind.ToString();
        await db.Database.ExecuteSqlRawAsync(CountTriggerDay, [kind, day], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(CountTriggerPerson, [year, kind, fact.YoungPersonId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(CountTriggerAnyPerson, [year, fact.YoungPersonId], cancellationToken);
        // Recorded once the year it happened in had ended: it restates that year.
        if (fact.RecordedAt is { } recordedAt && recordedAt >= financialYear.To)
        {
            await db.Database.ExecuteSqlRawAsync(CountTriggerLate, [year, kind, recordedAt], cancellationToken);
        }
    }

    /// <summary>
    /// The referral and its reclassifications are counted under one lock per referral, held to the end of the transaction:
    /// a reclassification and its referral arriving at once would otherwise each miss the other.
    /// </summary>
    public static async Task LockReferralAsync(TherapyDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(LockReferral, [referralId.ToString()], cancellationToken);

    /// <summary>COM-07: <paramref name="change"/> referrals of the referral's month, role and adult-first-referral row, under <paramref name="type"/>.</summary>
    public static async Task CountReferralAsync(TherapyDbContext db, ReferralDemand referral, Contracts.Referrals.CseType type, int change,
        CancellationToken cancellationToken)
    {
        var day = London.DateOf(referral.ReceivedAt);
        await db.Database.ExecuteSqlRawAsync(CountReferralMonth,
            [new DateOnly(day.Year, day.Month, 1), referral.ReferrerRole.ToString(), type.ToString(), referral.AdultFirstReferral.ToString(), change],
            cancellationToken);
        if (change > 0)
        {
            await db.Database.ExecuteSqlRawAsync(CountReferredPerson, [FinancialYear.Of(day).StartYear, referral.YoungPersonId], cancellationToken);
        }
    }
}
