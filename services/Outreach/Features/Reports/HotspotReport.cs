using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-08: where contacts happen, per location and London calendar month, as counts only. A contact counts where it
/// was recorded against a location record (free-text places are not counted); a corrected contact counts once, as
/// its latest correction says. "Concerns" are the contacts at which the worker recorded a concern level; "young
/// people" are distinct young people (an alias matched to a registered young person is that person; an unmatched
/// alias is one person). Every table is suppressed with the shared <see cref="SmallNumberSuppression"/>; auditors see
/// exact counts. Locations carry their coordinates when they have them, so the web app can draw the map layer.
/// </summary>
public static class HotspotReport
{
    public sealed record Measures(ReportCount Contacts, ReportCount Concerns, ReportCount YoungPeople);

    public sealed record MonthMeasures(string Month, ReportCount Contacts, ReportCount Concerns, ReportCount YoungPeople);

    public sealed record LocationRow(
        Guid LocationId, string Name, LocationType Type, string? Area, decimal? Latitude, decimal? Longitude,
        IReadOnlyList<MonthMeasures> Months, Measures Total);

    public sealed record Response(
        string From, string To, Disclosure Disclosure, int SuppressionThreshold, LondonTime GeneratedAt,
        IReadOnlyList<string> Months, IReadOnlyList<LocationRow> Locations, IReadOnlyList<MonthMeasures> MonthTotals, Measures Total);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? from, string? to, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportMonths.Parse(from, to, clock, errors) is not { } period)
        {
            return errors.ToBadRequest();
        }

        var months = period.Months;
        var counts = await CountAsync(db, period.Start, period.End, cancellationToken);
        var locationIds = counts.Where(c => c.LocationId is not null).Select(c => c.LocationId!.Value).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).OrderBy(l => l.Name).ToListAsync(cancellationToken);

        var disclosure = user.Disclosure();
        var tables = new[]
        {
            Table(counts, locations, months, c => c.Contacts, disclosure),
            Table(counts, locations, months, c => c.Concerns, disclosure),
            Table(counts, locations, months, c => c.YoungPeople, disclosure),
        };

        var rows = locations.Select((l, r) => new LocationRow(l.Id, l.Name, l.Type, l.Area, l.Latitude, l.Longitude,
            [.. months.Select((m, c) => new MonthMeasures(ReportMonths.Label(m), tables[0].Cells[r][c], tables[1].Cells[r][c], tables[2].Cells[r][c]))],
            new Measures(tables[0].RowTotals[r], tables[1].RowTotals[r], tables[2].RowTotals[r]))).ToList();
        var monthTotals = months.Select((m, c) => new MonthMeasures(ReportMonths.Label(m), tables[0].ColumnTotals[c], tables[1].ColumnTotals[c], tables[2].ColumnTotals[c])).ToList();
        return TypedResults.Ok(new Response(period.FromLabel, period.ToLabel, disclosure, SmallNumberSuppression.DefaultThreshold, LondonTime.Of(clock.GetUtcNow()),
            [.. months.Select(ReportMonths.Label)], rows, monthTotals, new Measures(tables[0].GrandTotal, tables[1].GrandTotal, tables[2].GrandTotal)));
    }

    /// <summary>One row of the grouped query: a cell (location and month), a location's total, a month's total or the grand total.</summary>
    private sealed record Count(Guid? LocationId, DateOnly? Month, int Contacts, int Concerns, int YoungPeople);

    /// <summary>
    /// One grouped query: the cells and, because distinct young people do not add up across months or places, every
    /// total counted by the database too (GROUPING SETS). Months are London calendar months.
    /// </summary>
    private static async Task<List<Count>> CountAsync(OutreachDbContext db, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT location_id, month, grouping(location_id) AS all_locations, grouping(month) AS all_months,
                   count(*)::int AS contacts, (count(*) FILTER (WHERE concern IS NOT NULL))::int AS concerns,
                   count(DISTINCT subject)::int AS young_people
            FROM (
                SELECT c.location_id,
                       date_trunc('month', c.contacted_at AT TIME ZONE 'Europe/London')::date AS month,
                       c.concern,
                       COALESCE(c.young_person_id, m.young_person_id, c.alias_id) AS subject
                FROM outreach.contacts c
                LEFT JOIN outreach.alias_matches m ON m.alias_id = c.alias_id
                WHERE c.location_id IS NOT NULL AND c.contacted_at >= @from AND c.contacted_at < @until
                  AND NOT EXISTS (SELECT 1 FROM outreach.contacts later WHERE later.corrects = c.id)
            ) counted
            GROUP BY GROUPING SETS ((location_id, month), (location_id), (month), ())
            """;
        return await PeriodQuery.ReadAsync(db, sql, from, until, reader =>
        {
            var allLocations = reader.GetInt32(2) == 1;
            var allMonths = reader.GetInt32(3) == 1;
            return new Count(
                allLocations ? null : reader.GetGuid(0),
                allMonths ? null : DateOnly.FromDateTime(reader.GetDateTime(1)),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
        }, cancellationToken);
    }

    private static SuppressedTable Table(List<Count> counts, List<Location> locations, IReadOnlyList<DateOnly> months, Func<Count, int> measure, Disclosure disclosure)
    {
        int Of(Guid? location, DateOnly? month) =>
            counts.FirstOrDefault(c => c.LocationId == location && c.Month == month) is { } found ? measure(found) : 0;

        var cells = new int[locations.Count, months.Count];
        for (var r = 0; r < locations.Count; r++)
        {
            for (var c = 0; c < months.Count; c++)
            {
                cells[r, c] = Of(locations[r].Id, months[c]);
            }
        }
        var margins = new TableMargins(
            [.. locations.Select(l => Of(l.Id, null))],
            [.. months.Select(m => Of(null, m))],
            Of(null, null));
        return SmallNumberSuppression.Apply(cells, margins, disclosure);
    }
}
