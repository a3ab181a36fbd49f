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
/// alias is one person). The counts come from a read model kept in the transaction of every write that changes them
/// (<see cref="HotspotCounting"/>), not from the contacts, so the report answers in milliseconds over a million contacts
/// (issue 11). Every table is suppressed with the shared <see cref="SmallNumberSuppression"/>; auditors see
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
        // The counts of contacts queued since the background job's last pass, so the report is exact as of now.
        await HotspotCounting.CatchUpAsync(db, cancellationToken);
        var counts = await CountAsync(db, period, cancellationToken);
        var locationIds = counts.Keys.Where(k => k.Location is not null).Select(k => k.Location!.Value).Distinct().ToList();
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

    /// <summary>A cell (location and month), a location's total, a month's total or the grand total.</summary>
    private sealed record Count(int Contacts, int Concerns, int YoungPeople);

    /// <summary>
    /// One month of the read model (Domain/HotspotCounts.cs), at one place or, with no place, anywhere: its young people,
    /// and those of them seen there for the first time in the period (previous month before it begins).
    /// </summary>
    private sealed record MonthRow(Guid? LocationId, DateOnly Month, int Contacts, int Concerns, int YoungPeople, int FirstSeenInPeriod);

    /// <summary>
    /// The cells and every total from the read model, kept exact as contacts, corrections and alias matches are written
    /// (<see cref="HotspotCounting"/>), so the report reads a few rows per place and month, never the contacts. The rows
    /// are changes, summed here; a place and month whose changes sum to nothing has nobody in it. Contacts
    /// and concerns add up; distinct young people do not, so a place's total counts each young person in the first
    /// month of the period they were seen there, and a month's and the grand total read the same counts taken across
    /// places. Months are London calendar months.
    /// </summary>
    private static async Task<Dictionary<(Guid? Location, DateOnly? Month), Count>> CountAsync(OutreachDbContext db, ReportMonths period, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT location_id, month, sum(contacts)::int, sum(concerns)::int, sum(young_people)::int,
                   (coalesce(sum(young_people) FILTER (WHERE previous_month < @first), 0))::int
            FROM outreach.hotspot_visit_counts
            WHERE month BETWEEN @first AND @last
            GROUP BY location_id, month
            HAVING (sum(young_people), sum(contacts), sum(concerns)) <> (0, 0, 0)
            UNION ALL
            SELECT NULL, month, 0, 0, sum(young_people)::int,
                   (coalesce(sum(young_people) FILTER (WHERE previous_month < @first), 0))::int
            FROM outreach.hotspot_young_person_month_counts
            WHERE month BETWEEN @first AND @last
            GROUP BY month
            HAVING sum(young_people) <> 0
            """;
        var rows = await PeriodQuery.ReadAsync(db, sql, period, reader => new MonthRow(
            reader.IsDBNull(0) ? null : reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)),
            reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)), cancellationToken);
        var atPlaces = rows.Where(r => r.LocationId is not null).ToList();
        var anywhere = rows.Where(r => r.LocationId is null).ToList();

        var counts = atPlaces.ToDictionary(r => (r.LocationId, (DateOnly?)r.Month), r => new Count(r.Contacts, r.Concerns, r.YoungPeople));
        foreach (var place in atPlaces.GroupBy(r => r.LocationId))
        {
            counts[(place.Key, null)] = new Count(place.Sum(r => r.Contacts), place.Sum(r => r.Concerns), place.Sum(r => r.FirstSeenInPeriod));
        }
        var monthCells = atPlaces.ToLookup(r => r.Month);
        foreach (var month in anywhere)
        {
            var cells = monthCells[month.Month];
            counts[(null, month.Month)] = new Count(cells.Sum(r => r.Contacts), cells.Sum(r => r.Concerns), month.YoungPeople);
        }
        counts[(null, null)] = new Count(atPlaces.Sum(r => r.Contacts), atPlaces.Sum(r => r.Concerns), anywhere.Sum(r => r.FirstSeenInPeriod));
        return counts;
    }

    private static SuppressedTable Table(Dictionary<(Guid? Location, DateOnly? Month), Count> counts, List<Location> locations, IReadOnlyList<DateOnly> months,
        Func<Count, int> measure, Disclosure disclosure)
    {
        int Of(Guid? location, DateOnly? month) => counts.TryGetValue((location, month), out var found) ? measure(found) : 0;

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
