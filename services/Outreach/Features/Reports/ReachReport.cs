using System.Security.Claims;
using Support.Contracts.Registry;
using Support.Outreach.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-10: who outreach reaches, so that under-reporting can be seen ("stats on ethnicity were taken out of
/// presentations"). Distinct young people contacted in the period, by gender and by ethnicity as recorded, never
/// assumed; the definition is versioned (<see cref="ReportDefinitions.Reach"/>, COM-11), and both tables go through
/// the shared <see cref="SmallNumberSuppression"/> (auditors see exact counts and every described value).
/// </summary>
public static class ReachReport
{
    public static readonly IReadOnlyList<string> Columns = ["Registered", "Alias only"];

    /// <summary>The platform's one shape of a table report (as Therapy's), so the web app shows it with the same view.</summary>
    public static async Task<IResult> HandleAsync(
        string? from, string? to, string? format, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportMonths.Parse(from, to, clock, errors) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var reached = await ReachedAsync(db, period, cancellationToken);
        var disclosure = user.Disclosure();
        var report = new TableReport(ReportIdentity.Of(ReportDefinitions.Reach), period.Period, disclosure,
            SmallNumberSuppression.DefaultThreshold, LondonTime.Of(clock.GetUtcNow()), NoData: null,
        [
            DescribedValueTable.Of("byGender", CountingUnits.DistinctYoungPeople, "gender", reached, r => r.Gender, "record", Column, Columns,
                Enum.GetNames<GenderCategory>(), disclosure),
            DescribedValueTable.Of("byEthnicity", CountingUnits.DistinctYoungPeople, "ethnicity", reached, r => r.Ethnicity, "record", Column, Columns, [], disclosure),
        ]);
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report), report.Report.Name, $"{period.FromLabel}_{period.ToLabel}") : TypedResults.Ok(report);
    }

    private static int Column(Reached reached) => reached.Registered ? 0 : 1;

    /// <summary>One young person reached in the period: whether registered (or an alias matched to them) and what is recorded.</summary>
    private sealed record Reached(bool Registered, string? Gender, string? Ethnicity);

    /// <summary>
    /// Each distinct young person contacted in the period once: a registered young person (directly or through a
    /// matched alias) with the registry's values, an unmatched alias with its own described values.
    /// </summary>
    private static async Task<List<Reached>> ReachedAsync(OutreachDbContext db, ReportMonths period, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT subjects.alias_id IS NULL AS registered,
                   CASE WHEN subjects.alias_id IS NULL THEN y.gender ELSE a.gender END AS gender,
                   CASE WHEN subjects.alias_id IS NULL THEN y.ethnicity ELSE a.ethnicity END AS ethnicity
            FROM (
                SELECT DISTINCT COALESCE(c.young_person_id, m.young_person_id) AS young_person_id,
                       CASE WHEN c.young_person_id IS NULL AND m.young_person_id IS NULL THEN c.alias_id END AS alias_id
                FROM outreach.contacts c
                LEFT JOIN outreach.alias_matches m ON m.alias_id = c.alias_id
                WHERE c.contacted_at >= @from AND c.contacted_at < @until
                  AND NOT EXISTS (SELECT 1 FROM outreach.contacts later WHERE later.corrects = c.id)
            ) subjects
            LEFT JOIN outreach.young_people y ON y.id = subjects.young_person_id
            LEFT JOIN outreach.aliases a ON a.id = subjects.alias_id
            """;
        return await PeriodQuery.ReadAsync(db, sql, period.Start, period.End,
            r => new Reached(r.GetBoolean(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken);
    }
}
