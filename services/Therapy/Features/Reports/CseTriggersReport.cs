using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-03 (Casey L1309: "indicators of triggers for CSE, including absence from school, and children accessing mental
/// health services, are not included"): each trigger in a financial year, by quarter, from the events of Missing and
/// Referrals and this service's own referrals and health indicators. Each trigger is its own table: a missing episode
/// and a school-absence flag are different things and are never added together (COM-01).
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
    };

    /// <summary>One trigger's records per quarter and the distinct young people behind them.</summary>
    private sealed record TriggerCounts(IReadOnlyList<int> Quarters, int People);

    public static async Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, London.Today(clock)) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var report = await BuildAsync(db, period, user.Disclosure(), clock, cancellationToken);
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report), report.Report.Name, period.Label) : TypedResults.Ok(report);
    }

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.Of(ReportDefinitions.CseTriggers);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        var triggerKinds = TriggerOfFact.Keys.ToList();
        DateTimeOffset?[] firsts =
        [
            await db.CommissioningFacts.Where(f => triggerKinds.Contains(f.Kind)).MinAsync(f => (DateTimeOffset?)f.OccurredAt, cancellationToken),
            await db.Referrals.MinAsync(r => (DateTimeOffset?)r.ReferredAt, cancellationToken),
            await db.HealthIndicators.MinAsync(h => (DateTimeOffset?)h.OccurredAt, cancellationToken),
        ];
        var first = firsts.Where(f => f is not null).Min();
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null
                ? "No trigger has been recorded yet: no missing episode, return interview, flag, therapy referral or health indicator."
                : $"Triggers are recorded from {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }

        // Counted in PostgreSQL: a year can hold millions of facts, and only the counts leave the database.
        var (q2, q3, q4) = (period.QuarterStart(1), period.QuarterStart(2), period.QuarterStart(3));
        var counts = new Dictionary<string, TriggerCounts>();
        var facts = await db.CommissioningFacts.AsNoTracking()
            .Where(f => triggerKinds.Contains(f.Kind) && f.OccurredAt >= period.From && f.OccurredAt < period.To)
            .GroupBy(f => f.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Q1 = g.Count(f => f.OccurredAt < q2), Q2 = g.Count(f => f.OccurredAt >= q2 && f.OccurredAt < q3),
                Q3 = g.Count(f => f.OccurredAt >= q3 && f.OccurredAt < q4), Q4 = g.Count(f => f.OccurredAt >= q4),
                People = g.Select(f => f.YoungPersonId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        foreach (var f in facts)
        {
            counts[TriggerOfFact[f.Kind]] = new([f.Q1, f.Q2, f.Q3, f.Q4], f.People);
        }

        // Mental-health referrals are this service's own: made in the year, and declined in the year (by the decision's date).
        var referred = db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= period.From && r.ReferredAt < period.To);
        var referrals = await referred.GroupBy(_ => 1)
            .Select(g => new
            {
                Q1 = g.Count(r => r.ReferredAt < q2), Q2 = g.Count(r => r.ReferredAt >= q2 && r.ReferredAt < q3),
                Q3 = g.Count(r => r.ReferredAt >= q3 && r.ReferredAt < q4), Q4 = g.Count(r => r.ReferredAt >= q4),
                People = g.Select(r => r.YoungPersonId).Distinct().Count(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (referrals is not null)
        {
            counts["MentalHealthReferrals"] = new([referrals.Q1, referrals.Q2, referrals.Q3, referrals.Q4], referrals.People);
        }
        var declined = db.Referrals.AsNoTracking()
            .Where(r => r.Status == TherapyReferralStatus.Declined && r.OutcomeAt >= period.From && r.OutcomeAt < period.To);
        var declines = await declined.GroupBy(_ => 1)
            .Select(g => new
            {
                Q1 = g.Count(r => r.OutcomeAt < q2), Q2 = g.Count(r => r.OutcomeAt >= q2 && r.OutcomeAt < q3),
                Q3 = g.Count(r => r.OutcomeAt >= q3 && r.OutcomeAt < q4), Q4 = g.Count(r => r.OutcomeAt >= q4),
                People = g.Select(r => r.YoungPersonId).Distinct().Count(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (declines is not null)
        {
            counts["MentalHealthDeclines"] = new([declines.Q1, declines.Q2, declines.Q3, declines.Q4], declines.People);
        }

        // A pregnancy recorded here as a health indicator (THR-08) is an under-16 flag when the registry's date of birth
        // says so, by the platform's own age rule (Part I: a 29 February birthday falls on 1 March in a common year).
        var pregnancies = await (
                from h in db.HealthIndicators.AsNoTracking()
                where h.Type == HealthIndicatorType.Pregnancy && h.OccurredAt >= period.From && h.OccurredAt < period.To
                join p in db.KnownYoungPeople.AsNoTracking() on h.YoungPersonId equals p.Id
                select new { h.YoungPersonId, h.OccurredAt, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        var under16 = pregnancies.Where(p => Ages.On(p.DateOfBirth, London.DateOf(p.OccurredAt)) < 16).ToList();
        var pregnant = under16.Select(p => p.YoungPersonId).Distinct().ToList();
        var flaggedByReferral = db.CommissioningFacts.AsNoTracking()
            .Where(f => f.Kind == CommissioningFactKind.Under16PregnancyFlag && f.OccurredAt >= period.From && f.OccurredAt < period.To);
        if (under16.Count > 0)
        {
            var pregnancyCounts = counts.GetValueOrDefault("Under16PregnancyFlags") ?? new([0, 0, 0, 0], 0);
            var quarters = pregnancyCounts.Quarters.ToArray();
            foreach (var p in under16)
            {
                quarters[period.QuarterOf(London.DateOf(p.OccurredAt))]++;
            }
            var alsoByReferral = await flaggedByReferral.Where(f => pregnant.Contains(f.YoungPersonId)).Select(f => f.YoungPersonId).Distinct().CountAsync(cancellationToken);
            counts["Under16PregnancyFlags"] = new(quarters, pregnancyCounts.People + pregnant.Count - alsoByReferral);
        }

        // The young people with any trigger: a child with two triggers is one child.
        var anyInDatabase = db.CommissioningFacts.AsNoTracking()
            .Where(f => triggerKinds.Contains(f.Kind) && f.OccurredAt >= period.From && f.OccurredAt < period.To).Select(f => f.YoungPersonId)
            .Union(referred.Select(r => r.YoungPersonId))
            .Union(declined.Select(r => r.YoungPersonId));
        var anyTrigger = await anyInDatabase.CountAsync(cancellationToken);
        if (pregnant.Count > 0)
        {
            anyTrigger += pregnant.Count - await anyInDatabase.Where(id => pregnant.Contains(id)).CountAsync(cancellationToken);
        }

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

        ReportCount Records(string trigger) => tables.Single(t => t.Body[0].Label == trigger && t.Unit == ReportDefinitions.TriggerRecords).GrandTotal;
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null, tables,
        [
            PublishedShare.Of("returnInterviewCompletion", "ReturnInterviewsCompleted", "ReturnInterviewsDue",
                Records("ReturnInterviewsCompleted"), Records("ReturnInterviewsDue")),
            PublishedShare.Of("mentalHealthDeclines", "MentalHealthDeclines", "MentalHealthReferrals",
                Records("MentalHealthDeclines"), Records("MentalHealthReferrals")),
        ]);
    }
}
