using System.Security.Claims;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// How every financial-year table report answers (COM-01, COM-04): the year read, absent meaning this one (a bad year
/// is a 400 naming <c>year</c>); the counts built for what the reader may see (exact for auditors); JSON, or the CSV of
/// exactly those counts with <c>format=csv</c>.
/// </summary>
public static class YearReport
{
    public static async Task<IResult> AnswerAsync(string? year, string? format, ClaimsPrincipal user, TimeProvider clock,
        Func<FinancialYear, Disclosure, Task<TableReport>> build)
    {
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, London.Today(clock)) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var report = await build(period, user.Disclosure());
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report), report.Report.Name, period.Label) : TypedResults.Ok(report);
    }
}
