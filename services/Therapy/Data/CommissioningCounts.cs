using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.Therapy.Domain;
using Support.Therapy.Features.Reports;

namespace Support.Therapy.Data;

/// <summary>
/// The commissioner reports' read models (COM-03 triggers, COM-06/07/12 demand), kept by upserts in the transaction of
/// the consumer or endpoint that saves the record, so a fact or referral that fails to save counts nothing. The reports
/// then read a few thousand counts a year instead of millions of rows (tools/bench commissioner-reports).
/// </summary>
public static class CommissioningCounts
{
    private const string CountTriggerDay = $"INSERT INTO {TherapyDbContext.Schema}.trigger_day_counts (kind, day, records) VALUES ({{0}}, {{1}}, 1) "
        + "ON CONFLICT (kind, day) DO UPDATE SET records = trigger_day_counts.records + 1";
    // The person's row and the kind's count of people in one statement: the count rises only when the row is new.
    private const string CountTriggerPerson = $"WITH added AS (INSERT INTO {TherapyDbContext.Schema}.trigger_year_people (year_start, kind, young_person_id) "
        + "VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING RETURNING 1) "
        + $"INSERT INTO {TherapyDbContext.Schema}.trigger_year_people_counts (year_start, kind, people) SELECT {{0}}, {{1}}, 1 FROM added "
        + "ON CONFLICT (year_start, kind) DO UPDATE SET people = trigger_year_people_counts.people + 1";
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

    /// <summary>COM-03: a fact another service announced, counted as its trigger (<see cref="CountTriggerAsync(TherapyDbContext, CommissioningFactKind, Guid, DateTimeOffset, DateTimeOffset?, CancellationToken)"/>).</summary>
    public static Task CountTriggerAsync(TherapyDbContext db, CommissioningFact fact, CancellationToken cancellationToken) =>
        CountTriggerAsync(db, fact.Kind, fact.YoungPersonId, fact.OccurredAt, fact.RecordedAt, cancellationToken);

    /// <summary>COM-03: a therapy referral made here, counted as a mental-health referral on the day it was made.</summary>
    public static Task CountMentalHealthReferralAsync(TherapyDbContext db, TherapyReferral referral, CancellationToken cancellationToken) =>
        CountTriggerAsync(db, CommissioningFactKind.MentalHealthReferral, referral.YoungPersonId, referral.ReferredAt, referral.RecordedAt, cancellationToken);

    /// <summary>COM-03: a therapy referral declined here, counted as a mental-health decline on the day of the decision.</summary>
    public static Task CountMentalHealthDeclineAsync(TherapyDbContext db, TherapyReferral referral, CancellationToken cancellationToken) =>
        CountTriggerAsync(db, CommissioningFactKind.MentalHealthDecline, referral.YoungPersonId,
            referral.OutcomeAt ?? throw new InvalidOperationException("A decline is counted once it is recorded."), referral.OutcomeRecordedAt, cancellationToken);

    /// <summary>
    /// COM-03: one more record of the trigger on its London day, and its young person among that trigger's (and any
    /// trigger's) for the year; COM-09: one more late record of its year when it was recorded after that year ended.
    /// Run in the transaction that saves the record, so a record that fails to save counts nothing.
    /// </summary>
    private static async Task CountTriggerAsync(TherapyDbContext db, CommissioningFactKind trigger, Guid youngPersonId, DateTimeOffset occurredAt,
        DateTimeOffset? recordedAt, CancellationToken cancellationToken)
    {
        var day = London.DateOf(occurredAt);
        var financialYear = FinancialYear.Of(day);
        var year = financialYear.StartYear;
        var kind = trigger.ToString();
        await db.Database.ExecuteSqlRawAsync(CountTriggerDay, [kind, day], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(CountTriggerPerson, [year, kind, youngPersonId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(CountTriggerAnyPerson, [year, youngPersonId], cancellationToken);
        // Recorded once the year it happened in had ended: it restates that year.
        if (recordedAt is { } at && at >= financialYear.To)
        {
            await db.Database.ExecuteSqlRawAsync(CountTriggerLate, [year, kind, at], cancellationToken);
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
