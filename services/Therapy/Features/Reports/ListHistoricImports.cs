using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-01, COM-09: every import of historic figures, newest first, with who made it, when, why (a restatement's
/// reason) and each figure it brought, marked where it restated an earlier figure or was itself restated later. Counts
/// are published like the indicator report's: 1-5 as "c" for all but auditors.
/// </summary>
public static class ListHistoricImports
{
    public const int MaxImports = 100;

    public sealed record ImportedFigure(
        string Indicator, string Unit, string Period, ReportCount? Value, bool NoData, string Source, string Definition, int SourceRow,
        bool Restates, bool RestatedLater);

    public sealed record ImportView(
        Guid Id, int Rows, string? Reason, string ImportedBy, string ImportedByRole, LondonTime ImportedAt, IReadOnlyList<ImportedFigure> Figures);

    public static async Task<IResult> HandleAsync(ClaimsPrincipal user, TherapyDbContext db, CancellationToken cancellationToken)
    {
        var disclosure = user.Disclosure();
        var imports = await db.HistoricImports.AsNoTracking().OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id).Take(MaxImports).ToListAsync(cancellationToken);
        var ids = imports.Select(i => i.Id).ToList();
        var figures = (await db.HistoricFigures.AsNoTracking().Where(f => ids.Contains(f.ImportId)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ImportId);
        var restated = (await db.HistoricFigures.AsNoTracking().Where(f => f.Supersedes != null).Select(f => f.Supersedes!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();
        return TypedResults.Ok(imports.Select(i => new ImportView(i.Id, i.Rows, i.Reason, i.ImportedBy, i.ImportedByRole, LondonTime.Of(i.ImportedAt),
            [.. figures[i.Id].OrderBy(f => f.SourceRow).Select(f => new ImportedFigure(
                f.Indicator, f.Unit, new FinancialYear(f.PeriodStartYear).Label, f.Value is { } count ? IndicatorReport.Shown(count, disclosure) : null,
                f.Value is null, f.Source, f.Definition, f.SourceRow, f.Supersedes is not null, restated.Contains(f.Id)))])).ToList());
    }
}
