using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Referrals.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-04: "time from receipt to decision is a reported metric, broken down by CSE type". Counts and elapsed hours
/// only: no young person, referral or worker is named, so reading it is not a read of anyone's record.
/// </summary>
public static class DecisionTimesReport
{
    public const int MaxDays = 366;

    /// <summary>
    /// One row: referrals received in the period now classed as <paramref name="CseType"/> (null for all types).
    /// <paramref name="ReceivedAsThisType"/> counts those that arrived as this type, so reclassification away from
    /// a type stays visible (REF-02). Hours are elapsed hours from receipt to decision, over decided referrals.
    /// </summary>
    public sealed record Row(
        CseType? CseType, int Received, int ReceivedAsThisType, int Decided, int DecidedLate, int Undecided, int UndecidedOverdue,
        int Escalated, double? MedianHoursToDecision, double? P90HoursToDecision, double? LongestHoursToDecision);

    public sealed record Response(DateOnly From, DateOnly To, LondonTime GeneratedAt, Row AllTypes, IReadOnlyList<Row> ByCseType);

    private sealed record Item(CseType CseType, CseType OriginalCseType, DateTimeOffset DecisionDueAt, DateTimeOffset EscalatesAt, DateTimeOffset? DecidedAt, DateTimeOffset ReceivedAt);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("from", from).Required("to", to);
        if (from is { } f && to is { } t)
        {
            errors.When(t < f, "to", "'to' is before 'from'.")
                .When(t.DayNumber - f.DayNumber + 1 > MaxDays, "to", $"A report covers at most {MaxDays} days.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        // The period is London calendar days, from midnight to midnight (Part I: times are shown in Europe/London).
        var start = London.StartOf(from!.Value);
        var end = London.StartOf(to!.Value.AddDays(1));
        var now = clock.GetUtcNow();
        var items = await db.Referrals.AsNoTracking()
            .Where(r => r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new Item(r.CseType, r.OriginalCseType, r.DecisionDueAt, r.EscalatesAt, r.DecidedAt, r.ReceivedAt))
            .ToListAsync(cancellationToken);

        var byType = Enum.GetValues<CseType>()
            .Select(type => Summarise(type, items.Where(i => i.CseType == type).ToList(), items.Count(i => i.OriginalCseType == type), now))
            .ToList();
        return TypedResults.Ok(new Response(from.Value, to.Value, LondonTime.Of(now), Summarise(null, items, items.Count, now), byType));
    }

    private static Row Summarise(CseType? type, IReadOnlyList<Item> items, int receivedAsThisType, DateTimeOffset now)
    {
        var hours = items.Where(i => i.DecidedAt is not null)
            .Select(i => (i.DecidedAt!.Value - i.ReceivedAt).TotalHours)
            .Order()
            .ToList();
        var undecided = items.Where(i => i.DecidedAt is null).ToList();
        return new Row(
            type,
            items.Count,
            receivedAsThisType,
            hours.Count,
            items.Count(i => i.DecidedAt > i.DecisionDueAt),
            undecided.Count,
            undecided.Count(i => now > i.DecisionDueAt),
            // Reached the escalation point undecided, whether or not it has been decided since.
            items.Count(i => (i.DecidedAt ?? now) > i.EscalatesAt),
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            hours.Count == 0 ? null : Math.Round(hours[^1], 1));
    }

    /// <summary>Linear interpolation between closest ranks (as PostgreSQL's <c>percentile_cont</c>), to 0.1 hour.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var position = (sorted.Count - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        var value = sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
        return Math.Round(value, 1);
    }
}
