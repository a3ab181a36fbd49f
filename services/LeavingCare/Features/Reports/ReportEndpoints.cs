using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Features.Reports;

/// <summary>A count as shown to aggregate readers: 1-5 is <c>c</c> (SuppressionThreshold).</summary>
public sealed record SuppressedCount(string Name, string Value);

public sealed record AlertCountsResponse(IReadOnlyList<SuppressedCount> OpenAlertsByKind, SuppressedCount CareLeavers, SuppressedCount UnmetNeeds);

/// <summary>
/// Commissioners see counts only (Part I): no names, dates of birth, ids or free text, and every count 1-5 suppressed.
/// Secondary suppression: no total is shown beside suppressed cells, so none can be worked back.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leavingcare/reports/alerts", CountsAsync).RequireAuthorization(Policies.AggregateReaders).WithTags("Reports")
            .WithName("LeavingCareCounts").WithSummary("Suppressed counts of open alerts, care leavers and unmet needs.");
        return app;
    }

    public static async Task<Ok<AlertCountsResponse>> CountsAsync(LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        var byKind = await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).GroupBy(a => a.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var careLeavers = await db.Pictures.CountAsync(p => p.OnCaseloadSince != null, cancellationToken);
        var unmet = await db.UnmetNeeds.CountAsync(cancellationToken);
        return TypedResults.Ok(new AlertCountsResponse(
            [.. byKind.OrderBy(k => k.Key).Select(k => Suppress(k.Key, k.Count))], Suppress("careLeavers", careLeavers), Suppress("unmetNeeds", unmet)));
    }

    public static SuppressedCount Suppress(string name, int count) =>
        new(name, count is >= 1 and <= 5 ? "c" : count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
