using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// Demand at the front door, from Referrals' events: by who referred and the form of CSE (COM-07); historic victims
/// coming forward over four years (COM-06); and CSE's share of referrals given next to the risk profile, the share of
/// young people at high or very high risk and the critical incidents (COM-12: "it takes only 2.4% of referrals ... the
/// risk element is so high"). A share is never a priority: it is printed beside what the risk says.
/// </summary>
public static class ReferralDemandReport
{
    public const string NotAssessed = "NotAssessed";

    /// <summary>How many financial years the historic-victims table shows, this one included (COM-06: "how this trend changes"); its query names four.</summary>
    public const int TrendYears = 4;

    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.Of(ReportDefinitions.ReferralDemand);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        var first = await db.ReferralDemand.MinAsync(r => (DateTimeOffset?)r.ReceivedAt, cancellationToken);
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null
                ? "No referral has reached this report yet."
                : $"Referrals reach this report from {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }

        // From the read model kept with each referral: the month counts by role and the type each is counted under now
        // (a reclassified referral under its latest type, REF-02).
        var (firstDay, lastDay) = (period.FirstDay, period.LastDay);
        var byRoleAndType = await db.ReferralMonthCounts.AsNoTracking().Where(d => d.Month >= firstDay && d.Month <= lastDay)
            .GroupBy(d => new { d.ReferrerRole, d.CseType })
            .Select(g => new { g.Key.ReferrerRole, g.Key.CseType, Count = g.Sum(d => d.Referrals) })
            .ToListAsync(cancellationToken);

        var roles = Enum.GetValues<ReferrerRole>();
        var types = Enum.GetValues<CseType>();
        var bySource = new int[roles.Length, types.Length];
        var share = new int[1, 2];
        foreach (var g in byRoleAndType)
        {
            bySource[Array.IndexOf(roles, g.ReferrerRole), Array.IndexOf(types, g.CseType)] += g.Count;
            share[0, g.CseType == CseType.NotCse ? 1 : 0] += g.Count;
        }
        var cseShare = PublishedTable.Of("cseShareOfReferrals", CountingUnits.Referrals, "all", "classification", ["Referrals"], ["Cse", "NotCse"],
            share, disclosure);

        var tables = new List<PublishedTable>
        {
            PublishedTable.Of("referralsBySourceAndCseType", CountingUnits.Referrals, "referrerRole", "cseType",
                [.. roles.Select(r => r.ToString())], [.. types.Select(t => t.ToString())], bySource, disclosure),
            await HistoricVictimsAsync(db, period, disclosure, cancellationToken),
            cseShare,
        };

        // The risk profile beside the share: the young people referred in the year by their current risk level (REF-14),
        // and (from version 2) by their gender and ethnicity as the registry records them (OUT-10). The database counts
        // them by level, gender and ethnicity; only those groups leave it.
        var referred = db.ReferralYearPeople.AsNoTracking().Where(p => p.YearStart == period.StartYear).Select(p => p.YoungPersonId);
        var groups = await (from id in referred
                            join p in db.RiskPictures on id equals p.YoungPersonId into pictures
                            from p in pictures.DefaultIfEmpty()
                            join k in db.KnownYoungPeople on id equals k.Id into known
                            from k in known.DefaultIfEmpty()
                            group id by new { Level = p == null ? (RiskLevel?)null : p.Level, Gender = k == null ? null : k.Gender, Ethnicity = k == null ? null : k.Ethnicity } into g
                            select new ReferredGroup(g.Key.Level, g.Key.Gender, g.Key.Ethnicity, g.Count()))
            .ToListAsync(cancellationToken);
        string[] levelColumns = [.. RiskColumns.Select(l => l.ToString()), NotAssessed];
        var byLevel = new int[1, levelColumns.Length];
        foreach (var g in groups)
        {
            byLevel[0, LevelColumn(g)] += g.Count;
        }
        var riskProfile = PublishedTable.Of("riskProfileOfYoungPeopleReferred", CountingUnits.DistinctYoungPeople, "all", "currentRiskLevel",
            ["YoungPeopleReferred"], levelColumns, byLevel, disclosure);
        tables.Add(riskProfile);
        tables.Add(DescribedValueTable.Of("youngPeopleReferredByGender", CountingUnits.DistinctYoungPeople, "gender", groups, g => g.Gender,
            "currentRiskLevel", LevelColumn, levelColumns, Enum.GetNames<GenderCategory>(), disclosure, g => g.Count));
        tables.Add(DescribedValueTable.Of("youngPeopleReferredByEthnicity", CountingUnits.DistinctYoungPeople, "ethnicity", groups, g => g.Ethnicity,
            "currentRiskLevel", LevelColumn, levelColumns, [], disclosure, g => g.Count));

        var incidentKinds = Enum.GetNames<CriticalIncidentKind>();
        var raised = await db.CommissioningFacts.AsNoTracking()
            .Where(f => f.Kind == CommissioningFactKind.CriticalIncident && f.OccurredAt >= period.From && f.OccurredAt < period.To)
            .GroupBy(f => f.Code).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var incidents = new int[incidentKinds.Length, 1];
        foreach (var kind in raised)
        {
            if (Array.IndexOf(incidentKinds, kind.Kind) is var row and >= 0)
            {
                incidents[row, 0] = kind.Count;
            }
        }
        tables.Add(PublishedTable.Of("criticalIncidentsByKind", ReportDefinitions.CriticalIncidents, "kind", "all", incidentKinds, ["Raised"],
            incidents, disclosure));

        var cells = riskProfile.Body[0].Cells;
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null, tables,
        [
            PublishedShare.Of("cseShareOfReferrals", "Cse", "Referrals", cseShare.Body[0].Cells[0], cseShare.GrandTotal),
            PublishedShare.Of("highOrVeryHighRiskShare", "VeryHigh+High", "YoungPeopleReferred", ReportCount.Sum(cells[0], cells[1]), riskProfile.GrandTotal),
        ]);
    }

    /// <summary>The risk profile's columns, highest first; a young person never assessed is counted under <see cref="NotAssessed"/>.</summary>
    private static readonly RiskLevel[] RiskColumns = [RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low];

    private static int LevelColumn(ReferredGroup group) => group.Level is { } level ? Array.IndexOf(RiskColumns, level) : RiskColumns.Length;

    /// <summary>Young people referred in the year with one current risk level, gender and ethnicity (null: not assessed, not recorded).</summary>
    private sealed record ReferredGroup(RiskLevel? Level, string? Gender, string? Ethnicity, int Count);

    /// <summary>
    /// COM-06: first referrals made at 18 or over, split by whether the concern was dated before the 18th birthday
    /// (historic victims coming forward), for this year and the three before it. A referral from before the ages were
    /// carried is left out and counted as such.
    /// </summary>
    private static async Task<PublishedTable> HistoricVictimsAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(0, TrendYears).Select(i => new FinancialYear(period.StartYear - TrendYears + 1 + i)).ToList();
        // From the month counts by year and row; only the few counts leave the database.
        var (firstDay, second, third, fourth) = (years[0].FirstDay, years[1].FirstDay, years[2].FirstDay, years[3].FirstDay);
        var lastDay = period.LastDay;
        var counted = await db.ReferralMonthCounts.AsNoTracking()
            .Where(d => d.Month >= firstDay && d.Month <= lastDay && d.AdultFirstReferral != AdultFirstReferral.NotOne)
            .GroupBy(d => new { Year = d.Month < second ? 0 : d.Month < third ? 1 : d.Month < fourth ? 2 : 3, d.AdultFirstReferral })
            .Select(g => new { g.Key.Year, g.Key.AdultFirstReferral, Count = g.Sum(d => d.Referrals) })
            .ToListAsync(cancellationToken);
        string[] rows = ["At18OrOverConcernBefore18", "At18OrOverConcernAt18OrOver", "AgesNotKnown"];
        var cells = new int[rows.Length, years.Count];
        foreach (var c in counted)
        {
            cells[c.AdultFirstReferral switch { AdultFirstReferral.ConcernBefore18 => 0, AdultFirstReferral.ConcernAt18OrOver => 1, _ => 2 }, c.Year] = c.Count;
        }
        return PublishedTable.Of("firstReferralsOfAdults", CountingUnits.DistinctYoungPeople, "concern", "financialYear", rows,
            [.. years.Select(y => y.Label)], cells, disclosure);
    }
}
