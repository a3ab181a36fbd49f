using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-10: who the persons of concern are, as the people who told outreach described them. Casey found "stats on
/// ethnicity were taken out of presentations" and "resistance to focusing on who the perpetrators were": this table
/// puts the described gender and ethnicity of everyone named in information in front of commissioners, "Not recorded"
/// included, versioned (<see cref="ReportDefinitions.PersonsOfConcern"/>, COM-11) and suppressed like every table.
/// Counts only: no name ever leaves this report.
/// </summary>
public static class PersonsOfConcernReport
{
    public static readonly IReadOnlyList<string> Columns = ["Named", "Nickname only"];

    public static async Task<IResult> HandleAsync(
        string? from, string? to, string? format, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportMonths.Parse(from, to, clock, errors) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var persons = await NamedAsync(db, period, cancellationToken);
        var disclosure = user.Disclosure();
        var report = new TableReport(ReportIdentity.Of(ReportDefinitions.PersonsOfConcern), period.Period, disclosure,
            SmallNumberSuppression.DefaultThreshold, LondonTime.Of(clock.GetUtcNow()), NoData: null,
        [
            DescribedValueTable.Of("byGender", CountingUnits.DistinctPersonsOfConcern, "gender", persons, p => p.Gender, "mention", Column, Columns, [], disclosure),
            DescribedValueTable.Of("byEthnicity", CountingUnits.DistinctPersonsOfConcern, "ethnicity", persons, p => p.Ethnicity, "mention", Column, Columns, [], disclosure),
        ]);
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report), report.Report.Name, $"{period.FromLabel}_{period.ToLabel}") : TypedResults.Ok(report);
    }

    private static int Column(Named person) => person.Kind == MentionKind.Person ? 0 : 1;

    /// <summary>One person of concern named in the period, with the latest description of them received in it.</summary>
    private sealed record Named(MentionKind Kind, string? Gender, string? Ethnicity);

    private static async Task<List<Named>> NamedAsync(OutreachDbContext db, ReportMonths period, CancellationToken cancellationToken)
    {
        var mentions = await (
                from m in db.InformationMentions.AsNoTracking()
                join i in db.InformationItems.AsNoTracking() on m.ItemId equals i.Id
                where (m.Kind == MentionKind.Person || m.Kind == MentionKind.Nickname) && i.ReceivedAt >= period.Start && i.ReceivedAt < period.End
                select new { m.Kind, m.Normalised, m.DescribedGender, m.DescribedEthnicity, i.ReceivedAt, m.Position })
            .ToListAsync(cancellationToken);
        return mentions
            .GroupBy(m => (m.Kind, m.Normalised))
            .Select(person =>
            {
                var latestFirst = person.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Position).ToList();
                return new Named(person.Key.Kind, latestFirst.Select(m => m.DescribedGender).FirstOrDefault(g => g is not null),
                    latestFirst.Select(m => m.DescribedEthnicity).FirstOrDefault(e => e is not null));
            })
            .ToList();
    }
}
