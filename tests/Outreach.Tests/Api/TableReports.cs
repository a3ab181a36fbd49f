using System.Net;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Api;

/// <summary>Reading Outreach's table reports (reach, persons of concern) in tests: the report, a table, its rows' cells.</summary>
internal static class TableReports
{
    public static async Task<TableReport> ReportAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<TableReport>();
    }

    public static PublishedTable Table(TableReport report, string name) => report.Tables.Single(t => t.Name == name);

    /// <summary>Each row's cells in the report's column order; null where suppressed.</summary>
    public static Dictionary<string, int?[]> Rows(TableReport report, string name) =>
        Table(report, name).Body.ToDictionary(r => r.Label, r => r.Cells.Select(c => c.Value).ToArray());
}
