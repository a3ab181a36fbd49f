using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-03 (Casey L1309: "indicators of triggers for CSE, including absence from school, and children accessing mental
/// health services, are not included"): each trigger in a financial year, by quarter, from the events of Missing and
/// Referrals and this service's own referrals and health indicators. Each trigger is its own table: a missing episode
/// and a school-absence flag are different things and are never added together (COM-01). From version 2, the young
/// people with any trigger by gender and by ethnicity as recorded (OUT-10), and for a closed year the trigger records
/// dated in it but recorded after it ended (COM-09).
/// </summary>
public static class CseTriggersReport
{
    /// <summary>The triggers COM-03 names, in the order the report gives them.</summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "MissingEpisodes", "ReturnInterviewsDue", "ReturnInterviewsCompleted", "ReturnInterviewsNotHeld", "SchoolAbsenceFlags",
        "MentalHealthReferrals", "MentalHealthDeclines", "Under16PregnancyFlags", "CriminalisationFlags",
    ];

    private static readonly Dictionary<CommissioningFactKind, string> TriggerOfFact = new()
    {
        [CommissioningFactKind.MissingEpisode] = "MissingEpisodes",
        [CommissioningFactKind.ReturnInterviewDue] = "ReturnInterviewsDue",
        [CommissioningFactKind.ReturnInterviewCompleted] = "ReturnInterviewsCompleted",
        [CommissioningFactKind.ReturnInterviewNotHeld] = "ReturnInterviewsNotHeld",
        [CommissioningFactKind.SchoolAbsenceFlag] = "SchoolAbsenceFlags",
        [CommissioningFactKind.Under16PregnancyFlag] = "Under16PregnancyFlags",
        [CommissioningFactKind.CriminalisationFlag] = "CriminalisationFlags",
        [CommissioningFactKind.MentalHealthReferral] = "MentalHealthReferrals",
        [CommissioningFactKind.MentalHealthDecline] = "MentalHealthDeclines",
    };

    /// <summary>The young people with any trigger who share a gender and ethnicity as recorded (null: not recorded).</summary>
    private sealed record Described(string? Gender, string? Ethnicity, int Count);

    /// <summary>The young people <paramref name="ids"/> names (each once), counted by the database by gender and ethnicity as recorded.</summary>
    private static Task<List<Described>> DescribedAsync(TherapyDbContext db, IQueryable<Guid> ids, CancellationToken cancellationToken) => (
            from id in ids
            join p in db.KnownYoungPeople.AsNoTracking() on id equals p.Id into known
            from p in known.DefaultIfEmpty()
            group id by new { Gender = p == null ? null : p.Gender, Ethnicity = p == null ? null : p.Ethnicity } into g
            select new Described(g.Key.Gender, g.Key.Ethnicity, g.Count()))
        .ToListAsync(cancellationToken);

    /// <summary>One trigger's records per quarter and the distinct young people behind them.</summary>
    private sealed record TriggerCounts(IReadOnlyList<int> Quarters, int People);

    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.Of(ReportDefinitions.CseTriggers);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        var firstFact = await db.TriggerDayCounts.MinAsync(d => (DateOnly?)d.Day, cancellationToken);
        var firstIndicator = await db.HealthIndicators.MinAsync(h => (DateTimeOffset?)h.OccurredAt, cancellationToken);
        // The day counts hold this service's therapy referrals and declines too; health indicators are read where they are.
        DateOnly?[] firsts = [firstFact, firstIndicator is { } indicatedAt ? London.DateOf(indicatedAt) : null];
        var first = firsts.Where(f => f is not null).Min();
        if (first is null || first.Value > period.LastDay)
        {
            var reason = first is null
                ? "No trigger has been recorded yet: no missing episode, return interview, flag, therapy referral or health indicator."
                : $"Triggers are recorded from {first.Value:yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }

        // From the read model kept with each fact and with each therapy referral made or declined here (mental-health
        // referrals by the day they were made, declines by the decision's day): a year can hold millions of records, and
        // the report reads a few hundred day counts and one count of young people per trigger, never the records.
        var (firstDay, q2, q3, q4) = (period.FirstDay, period.FirstDay.AddMonths(3), period.FirstDay.AddMonths(6), period.FirstDay.AddMonths(9));
        var counts = new Dictionary<string, TriggerCounts>();
        var days = await db.TriggerDayCounts.AsNoTracking()
            .Where(d => d.Day >= firstDay && d.Day <= period.LastDay)
            .GroupBy(d => d.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Q1 = g.Where(d => d.Day < q2).Sum(d => d.Records), Q2 = g.Where(d => d.Day >= q2 && d.Day < q3).Sum(d => d.Records),
                Q3 = g.Where(d => d.Day >= q3 && d.Day < q4).Sum(d => d.Records), Q4 = g.Where(d => d.Day >= q4).Sum(d => d.Records),
            })
            .ToListAsync(cancellationToken);
        var peopleByKind = await db.TriggerYearPeopleCounts.AsNoTracking().Where(p => p.YearStart == period.StartYear)
            .ToDictionaryAsync(p => p.Kind, p => p.People, cancellationToken);
        foreach (var d in days.Where(d => TriggerOfFact.ContainsKey(d.Kind)))
        {
            counts[TriggerOfFact[d.Kind]] = new([d.Q1, d.Q2, d.Q3, d.Q4], peopleByKind.GetValueOrDefault(d.Kind));
        }

        // A pregnancy recorded here as a health indicator (THR-08) is an under-16 flag when the registry's date of birth
        // says so, by the platform's own age rule (Part I: a 29 February birthday falls on 1 March in a common year).
        var pregnancies = await (
                from h in db.HealthIndicators.AsNoTracking()
                where h.Type == HealthIndicatorType.Pregnancy && h.OccurredAt >= period.From && h.OccurredAt < period.To
                join p in db.KnownYoungPeople.AsNoTracking() on h.YoungPersonId equals p.Id
                select new { h.YoungPersonId, h.OccurredAt, h.RecordedAt, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        var under16 = pregnancies.Where(p => Ages.On(p.DateOfBirth, London.DateOf(p.OccurredAt)) < 16).ToList();
        var pregnant = under16.Select(p => p.YoungPersonId).Distinct().ToList();
        var flaggedByReferral = db.TriggerYearPeople.AsNoTracking()
            .Where(p => p.Kind == CommissioningFactKind.Under16PregnancyFlag && p.YearStart == period.StartYear);
        if (under16.Count > 0)
        {
            var pregnancyCounts = counts.GetValueOrDefault("Under16PregnancyFlags") ?? new([0, 0, 0, 0], 0);
            var quarters = pregnancyCounts.Quarters.ToArray();
            foreach (var p in under16)
            {
                quarters[period.QuarterOf(London.DateOf(p.OccurredAt))]++;
            }
            var alsoByReferral = await flaggedByReferral.Where(p => pregnant.Contains(p.YoungPersonId)).CountAsync(cancellationToken);
            counts["Under16PregnancyFlags"] = new(quarters, pregnancyCounts.People + pregnant.Count - alsoByReferral);
        }

        // The young people with any trigger: a child with two triggers is one child. Those with a fact or a therapy
        // referral or decline are in the read model; add those with only a recorded pregnancy.
        var withTrigger = db.TriggerYearAnyPeople.AsNoTracking().Where(p => p.YearStart == period.StartYear).Select(p => p.YoungPersonId);
        // OUT-10: each group is counted by gender and ethnicity as the registry records them ("Not recorded" when it does
        // not, or does not know the young person), so the young people with any trigger are the sum of the groups.
        var described = await DescribedAsync(db, withTrigger, cancellationToken);
        if (pregnant.Count > 0)
        {
            // Those already counted: each lookup goes by the young person's id (an index), never through the whole year.
            var counted = await withTrigger.Where(id => pregnant.Contains(id)).ToListAsync(cancellationToken);
            var onlyPregnant = pregnant.Except(counted).ToList();
            described.AddRange(await DescribedAsync(db, db.KnownYoungPeople.Where(p => onlyPregnant.Contains(p.Id)).Select(p => p.Id), cancellationToken));
        }
        var anyTrigger = described.Sum(d => d.Count);

        var tables = new List<PublishedTable>();
        foreach (var trigger in Triggers)
        {
            var quarters = counts.GetValueOrDefault(trigger)?.Quarters ?? [0, 0, 0, 0];
            var cells = new int[1, FinancialYear.QuarterLabels.Count];
            for (var q = 0; q < quarters.Count; q++)
            {
                cells[0, q] = quarters[q];
            }
            tables.Add(PublishedTable.Of(char.ToLowerInvariant(trigger[0]) + trigger[1..], ReportDefinitions.TriggerRecords, "trigger", "quarter",
                [trigger], FinancialYear.QuarterLabels, cells, disclosure));
        }

        // Distinct young people per trigger; the total is those with any trigger.
        var people = new int[Triggers.Count, 1];
        for (var t = 0; t < Triggers.Count; t++)
        {
            people[t, 0] = counts.GetValueOrDefault(Triggers[t])?.People ?? 0;
        }
        tables.Add(PublishedTable.Of("youngPeopleByTrigger", CountingUnits.DistinctYoungPeople, "trigger", "all", Triggers, ["YoungPeople"], people,
            new TableMargins([.. Enumerable.Range(0, Triggers.Count).Select(t => people[t, 0])], [anyTrigger], anyTrigger), disclosure));

        tables.Add(DescribedValueTable.Of("youngPeopleWithAnyTriggerByGender", CountingUnits.DistinctYoungPeople, "gender", described, d => d.Gender,
            "all", _ => 0, ["YoungPeople"], Enum.GetNames<GenderCategory>(), disclosure, d => d.Count));
        tables.Add(DescribedValueTable.Of("youngPeopleWithAnyTriggerByEthnicity", CountingUnits.DistinctYoungPeople, "ethnicity", described, d => d.Ethnicity,
            "all", _ => 0, ["YoungPeople"], [], disclosure, d => d.Count));

        // COM-09: a closed year says how many of its trigger records were recorded after it ended: facts and this
        // service's referrals and declines from the read model, recorded pregnancies from their own times.
        Restatement? restatement = null;
        if (LateEntries.Closed(period, London.Today(clock)))
        {
            var counted = await db.TriggerLateCounts.AsNoTracking().Where(l => l.YearStart == period.StartYear)
                .GroupBy(_ => 1).Select(g => new { Records = g.Sum(l => l.Records), Last = g.Max(l => l.LastRecordedAt) })
                .SingleOrDefaultAsync(cancellationToken);
            var late = counted is null ? LateEntries.Late.None : new LateEntries.Late(counted.Records, counted.Last);
            foreach (var p in under16.Where(p => p.RecordedAt >= period.To))
            {
                late += new LateEntries.Late(1, p.RecordedAt);
            }
            restatement = LateEntries.Of(late, "trigger records", disclosure);
        }

        ReportCount Records(string trigger) => tables.Single(t => t.Body[0].Label == trigger && t.Unit == ReportDefinitions.TriggerRecords).GrandTotal;
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null, tables,
        [
            PublishedShare.Of("returnInterviewCompletion", "ReturnInterviewsCompleted", "ReturnInterviewsDue",
                Records("ReturnInterviewsCompleted"), Records("ReturnInterviewsDue")),
            PublishedShare.Of("mentalHealthDeclines", "MentalHealthDeclines", "MentalHealthReferrals",
                Records("MentalHealthDeclines"), Records("MentalHealthReferrals")),
        ], restatement);
    }
}
