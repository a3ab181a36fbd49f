using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Outreach.Data;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Tests;

/// <summary>
/// OUT-08: the hotspot report answers from a read model; this holds it to the report's definition read straight from
/// the contacts (<see cref="HotspotCounting.CountFromContactsSql"/>, the query the report ran before the read model).
/// </summary>
internal static class HotspotDefinition
{
    /// <summary>Every cell and total of an exact report equals the definition over the same London months.</summary>
    public static async Task AssertSameAsContactsAsync(HotspotReport.Response exact, OutreachDbContext db)
    {
        Assert.Equal(Disclosure.Exact, exact.Disclosure);
        var first = Month(exact.From);
        var last = Month(exact.To);
        var expected = await FromContactsAsync(db, London.StartOf(first), London.StartOf(last.AddMonths(1)));
        var reported = Reported(exact);
        var differences = reported.Keys.Union(expected.Keys)
            .Where(key => reported.GetValueOrDefault(key) != expected.GetValueOrDefault(key))
            .Select(key => $"{key.Location?.ToString() ?? "all places"} {key.Month ?? "all months"}: report {reported.GetValueOrDefault(key)}, contacts {expected.GetValueOrDefault(key)}")
            .ToList();
        Assert.True(differences.Count == 0, $"{exact.From} to {exact.To}: {string.Join("; ", differences)}");
    }

    /// <summary>The month labels yyyy-MM from <paramref name="first"/> to <paramref name="last"/>, every (from, to) window between them.</summary>
    public static IEnumerable<(string From, string To)> Windows(string first, string last)
    {
        var months = new List<string>();
        for (var month = Month(first); month <= Month(last); month = month.AddMonths(1))
        {
            months.Add(ReportMonths.Label(month));
        }
        return months.SelectMany((from, i) => months.Skip(i).Select(to => (from, to)));
    }

    private static DateOnly Month(string label) => DateOnly.ParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<(Guid? Location, string? Month), (int Contacts, int Concerns, int YoungPeople)> Reported(HotspotReport.Response report)
    {
        static (int, int, int) Of(ReportCount contacts, ReportCount concerns, ReportCount youngPeople) =>
            (contacts.Value!.Value, concerns.Value!.Value, youngPeople.Value!.Value);
        var counts = new Dictionary<(Guid?, string?), (int, int, int)>();
        foreach (var location in report.Locations)
        {
            foreach (var month in location.Months)
            {
                counts[(location.LocationId, month.Month)] = Of(month.Contacts, month.Concerns, month.YoungPeople);
            }
            counts[(location.LocationId, null)] = Of(location.Total.Contacts, location.Total.Concerns, location.Total.YoungPeople);
        }
        foreach (var month in report.MonthTotals)
        {
            counts[(null, month.Month)] = Of(month.Contacts, month.Concerns, month.YoungPeople);
        }
        counts[(null, null)] = Of(report.Total.Contacts, report.Total.Concerns, report.Total.YoungPeople);
        return counts;
    }

    private static async Task<Dictionary<(Guid? Location, string? Month), (int Contacts, int Concerns, int YoungPeople)>> FromContactsAsync(
        OutreachDbContext db, DateTimeOffset from, DateTimeOffset until)
    {
        // With no contacts at all the grouping sets give no grand-total row; the report shows zeros.
        var counts = new Dictionary<(Guid?, string?), (int, int, int)> { [(null, null)] = (0, 0, 0) };
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(HotspotCounting.CountFromContactsSql, connection);
            command.Parameters.AddWithValue("from", from.UtcDateTime);
            command.Parameters.AddWithValue("until", until.UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var location = reader.GetInt32(2) == 1 ? (Guid?)null : reader.GetGuid(0);
                var month = reader.GetInt32(3) == 1 ? null : ReportMonths.Label(DateOnly.FromDateTime(reader.GetDateTime(1)));
                counts[(location, month)] = (reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return counts;
    }
}
