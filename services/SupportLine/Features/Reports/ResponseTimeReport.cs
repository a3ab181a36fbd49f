using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;

namespace Support.SupportLine.Features.Reports;

/// <summary>
/// SL-02, OUT-07: how long texts waited for a person, per London day between two dates (at most 366 days): answered
/// count, median, 90th percentile and longest, in minutes; plus how many waits are still open. Counts and times only.
/// </summary>
public static class ResponseTimeReport
{
    public sealed record Day(string Date, int Answered, double? MedianMinutes, double? P90Minutes, double? LongestMinutes);

    public sealed record Report(string From, string To, IReadOnlyList<Day> Days, int StillWaiting);

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        // The gateway lets aggregate readers (managers, commissioners, auditors) reach /api/supportline/reports/**.
        app.MapGet("/api/supportline/reports/response-times", HandleAsync).RequireAuthorization(Support.ServiceDefaults.Auth.Policies.AggregateReaders).WithTags("Reports");
        return app;
    }

    public static async Task<IResult> HandleAsync(string? from, string? to, SupportLineDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var fromOk = DateOnly.TryParseExact(from, "yyyy-MM-dd", out var fromDate);
        var toOk = DateOnly.TryParseExact(to, "yyyy-MM-dd", out var toDate);
        errors.When(!fromOk, "from", "'from' must be a date, yyyy-MM-dd.").When(!toOk, "to", "'to' must be a date, yyyy-MM-dd.");
        if (fromOk && toOk)
        {
            errors.When(toDate < fromDate, "to", "'to' must not be before 'from'.")
                .When(toDate.DayNumber - fromDate.DayNumber > 366, "to", "At most 366 days.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var start = London.StartOf(fromDate);
        var end = London.StartOf(toDate.AddDays(1));
        var rows = await db.ResponseTimes.AsNoTracking().Where(r => r.WaitingSince >= start && r.WaitingSince < end)
            .Select(r => new { r.WaitingSince, r.Seconds }).ToListAsync(cancellationToken);
        var byDay = rows.GroupBy(r => London.DateOf(r.WaitingSince)).ToDictionary(g => g.Key, g => g.Select(r => r.Seconds / 60).OrderBy(m => m).ToList());
        var days = new List<Day>();
        for (var day = fromDate; day <= toDate; day = day.AddDays(1))
        {
            var minutes = byDay.GetValueOrDefault(day) ?? [];
            days.Add(new Day(day.ToString("yyyy-MM-dd"), minutes.Count, Percentile(minutes, 0.5), Percentile(minutes, 0.9), minutes.Count == 0 ? null : Math.Round(minutes[^1], 1)));
        }
        var waiting = await db.Conversations.CountAsync(c => c.AwaitingReplySince != null && c.Status == Domain.ConversationStatus.Open, cancellationToken);
        return TypedResults.Ok(new Report(fromDate.ToString("yyyy-MM-dd"), toDate.ToString("yyyy-MM-dd"), days, waiting));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }
}
