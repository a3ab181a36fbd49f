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

    private sealed record Occurrence(string Trigger, Guid YoungPersonId, DateOnly On);

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

        var occurrences = new List<Occurrence>();
        var facts = await db.CommissioningFacts.AsNoTracking()
            .Where(f => triggerKinds.Contains(f.Kind) && f.OccurredAt >= period.From && f.OccurredAt < period.To)
            .Select(f => new { f.Kind, f.YoungPersonId, f.OccurredAt }).ToListAsync(cancellationToken);
        occurrences.AddRange(facts.Select(f => new Occurrence(TriggerOfFact[f.Kind], f.YoungPersonId, London.DateOf(f.OccurredAt))));

        // Mental-health referrals are this service's own: made in the year, and declined in the year (by the decision's date).
        var referred = await db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= period.From && r.ReferredAt < period.To)
            .Select(r => new { r.YoungPersonId, r.ReferredAt }).ToListAsync(cancellationToken);
        occurrences.AddRange(referred.Select(r => new Occurrence("MentalHealthReferrals", r.YoungPersonId, London.DateOf(r.ReferredAt))));
        var declined = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == TherapyReferralStatus.Declined && r.OutcomeAt >= period.From && r.OutcomeAt < period.To)
            .Select(r => new { r.YoungPersonId, OutcomeAt = r.OutcomeAt!.Value }).ToListAsync(cancellationToken);
        occurrences.AddRange(declined.Select(r => new Occurrence("MentalHealthDeclines", r.YoungPersonId, London.DateOf(r.OutcomeAt))));

        // A pregnancy recorded here as a health indicator (THR-08) is an under-16 flag when the registry's date of birth says so.
        var pregnancies = await (
                from h in db.HealthIndicators.AsNoTracking()
                where h.Type == HealthIndicatorType.Pregnancy && h.OccurredAt >= period.From && h.OccurredAt < period.To
                join p in db.KnownYoungPeople.AsNoTracking() on h.YoungPersonId equals p.Id
                select new { h.YoungPersonId, h.OccurredAt, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        occurrences.AddRange(pregnancies.Where(p => Ages.On(p.DateOfBirth, London.DateOf(p.OccurredAt)) < 16)
            .Select(p => new Occurrence("Under16PregnancyFlags", p.YoungPersonId, London.DateOf(p.OccurredAt))));

        var byTrigger = occurrences.ToLookup(o => o.Trigger);
        var tables = new List<PublishedTable>();
        foreach (var trigger in Triggers)
        {
            var cells = new int[1, FinancialYear.QuarterLabels.Count];
            foreach (var o in byTrigger[trigger])
            {
                cells[0, period.QuarterOf(o.On)]++;
            }
            tables.Add(PublishedTable.Of(char.ToLowerInvariant(trigger[0]) + trigger[1..], ReportDefinitions.TriggerRecords, "trigger", "quarter",
                [trigger], FinancialYear.QuarterLabels, cells, disclosure));
        }

        // Distinct young people per trigger; the total is those with any trigger (a child with two is one child).
        var people = new int[Triggers.Count, 1];
        for (var t = 0; t < Triggers.Count; t++)
        {
            people[t, 0] = byTrigger[Triggers[t]].Select(o => o.YoungPersonId).Distinct().Count();
        }
        var anyTrigger = occurrences.Select(o => o.YoungPersonId).Distinct().Count();
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
