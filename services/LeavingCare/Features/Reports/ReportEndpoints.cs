using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;

namespace Support.LeavingCare.Features.Reports;

/// <summary>A count as shown to aggregate readers: 1-5 is <c>c</c> (SuppressionThreshold); auditors see it exact.</summary>
public sealed record SuppressedCount(string Name, string Value);

public sealed record AlertCountsResponse(
    IReadOnlyList<SuppressedCount> OpenAlertsByKind, SuppressedCount OpenAlerts, SuppressedCount CareLeavers, SuppressedCount UnmetNeeds, Disclosure Disclosure);

/// <summary>
/// Commissioners see counts only (Part I): no names, dates of birth, ids or free text. Every count passes the shared
/// <see cref="SmallNumberSuppression"/>: the open alerts by kind are one column with its total, so a hidden kind can
/// never be worked back from the total and the others; auditors see exact values.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leavingcare/reports/alerts", CountsAsync).RequireAuthorization(Policies.AggregateReaders).WithTags("Reports")
            .WithName("LeavingCareCounts").WithSummary("Suppressed counts of open alerts, care leavers and unmet needs.");
        return app;
    }

    public static async Task<Ok<AlertCountsResponse>> CountsAsync(ClaimsPrincipal user, LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        var disclosure = user.Disclosure();
        var byKind = await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).GroupBy(a => a.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var kinds = byKind.OrderBy(k => k.Key).ToList();
        var column = new int[kinds.Count, 1];
        for (var i = 0; i < kinds.Count; i++)
        {
            column[i, 0] = kinds[i].Count;
        }
        var alerts = SmallNumberSuppression.Apply(column, disclosure);
        var careLeavers = await db.Pictures.CountAsync(p => p.OnCaseloadSince != null, cancellationToken);
        var unmet = await db.UnmetNeeds.CountAsync(cancellationToken);
        return TypedResults.Ok(new AlertCountsResponse(
            [.. kinds.Select((k, i) => new SuppressedCount(k.Key.ToString(), alerts.Cells[i][0].ToString()))],
            new SuppressedCount("openAlerts", kinds.Count == 0 ? "0" : alerts.ColumnTotals[0].ToString()),
            Single("careLeavers", careLeavers, disclosure), Single("unmetNeeds", unmet, disclosure), disclosure));
    }

    /// <summary>A count published on its own, with no total beside it: primary suppression is all it needs.</summary>
    private static SuppressedCount Single(string name, int count, Disclosure disclosure) =>
        new(name, SmallNumberSuppression.Apply(new[,] { { count } }, disclosure).Cells[0][0].ToString());
}
