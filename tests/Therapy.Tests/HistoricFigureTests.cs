using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Support.Therapy.Tests;

/// <summary>
/// COM-01, COM-02: a council's figures from before the platform, imported per financial year from a CSV with their source
/// and definition; a bad row names its row and column and stores nothing; a period imported twice needs a reason.
/// </summary>
public sealed class HistoricFigureTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private const string Header = "indicator,unit,period,value,source,definition";
    private const string Lscb = "LSCB annual report 2009/10 (Casey, Annex D)";
    private const string Clients = "Children and young people worked with by social care because of CSE";
    private const string Contacts = "Children and young people referred to the council's front door because of risk and/or harm";
    private const string RbReferred = "Children and young people referred to Risky Business";
    private const string RbOneToOne = "Children and young people working one to one with Risky Business (from April 08)";

    /// <summary>Casey, Annex D, exactly; Risky Business 05-06 is "no data", not zero, and its basis changed in April 2008.</summary>
    private static readonly string AnnexD = string.Join("\n",
    [
        Header,
        $"cse-clients,CseClients,2005-06,48,\"{Lscb}\",{Clients}",
        $"cse-clients,CseClients,2006-07,59,\"{Lscb}\",{Clients}",
        $"cse-clients,CseClients,2007-08,74,\"{Lscb}\",{Clients}",
        $"cse-clients,CseClients,2008-09,93,\"{Lscb}\",{Clients}",
        $"cse-clients,CseClients,2009-10,112,\"{Lscb}\",{Clients}",
        $"cse-contacts,CseContacts,2005-06,62,\"{Lscb}\",{Contacts}",
        $"cse-contacts,CseContacts,2006-07,72,\"{Lscb}\",{Contacts}",
        $"cse-contacts,CseContacts,2007-08,80,\"{Lscb}\",{Contacts}",
        $"cse-contacts,CseContacts,2008-09,117,\"{Lscb}\",{Contacts}",
        $"cse-contacts,CseContacts,2009-10,149,\"{Lscb}\",{Contacts}",
        $"rb-clients,OutreachClients,2005-06,,\"{Lscb}\",\"{RbReferred}; for 05-06 there is no comparable data\"",
        $"rb-clients,OutreachClients,2006-07,67,\"{Lscb}\",{RbReferred}",
        $"rb-clients,OutreachClients,2007-08,59,\"{Lscb}\",{RbReferred}",
        $"rb-clients,OutreachClients,2008-09,148,\"{Lscb}\",{RbOneToOne}",
        $"rb-clients,OutreachClients,2009-10,293,\"{Lscb}\",{RbOneToOne}",
    ]) + "\n";

    private async Task<HttpResponseMessage> ImportAsync(string csv, string role = "Commissioner", string? reason = null, string mediaType = "text/csv")
    {
        using var client = fixture.Client(role, $"{role.ToLowerInvariant()}-history");
        var path = "/api/therapy/reports/historic-figures" + (reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason));
        return await client.PostAsync(path, new StringContent(csv, Encoding.UTF8, mediaType));
    }

    private async Task<JsonElement> IndicatorsAsync(string role, string year = "2026-27")
    {
        using var client = fixture.Client(role, $"{role.ToLowerInvariant()}-reader");
        return await client.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/indicators?year={year}");
    }

    private static JsonElement Series(JsonElement report, string indicator) =>
        report.GetProperty("historic").EnumerateArray().Single(h => h.GetProperty("indicator").GetString() == indicator);

    private static JsonElement Value(JsonElement series, string period) =>
        series.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("period").GetString() == period);

    private async Task<(int Figures, int Imports)> StoredAsync()
    {
        await using var db = fixture.CreateDbContext();
        return (await db.HistoricFigures.CountAsync(), await db.HistoricImports.CountAsync());
    }

    [Fact]
    public async Task A_councils_annex_d_figures_import_with_their_source_and_definition_and_the_indicator_report_shows_them_as_imported_earlier_values()
    {
        using var imported = await ImportAsync(AnnexD, role: "Governance");
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        var body = await imported.JsonAsync();
        Assert.Equal(15, body.GetProperty("rows").GetInt32());
        Assert.Equal(0, body.GetProperty("restated").GetInt32());
        Assert.Equal("governance-history", body.GetProperty("importedBy").GetString());
        Assert.Equal(fixture.Now, body.GetProperty("importedAt").GetProperty("utc").GetDateTimeOffset());
        await using (var db = fixture.CreateDbContext())
        {
            var stored = await db.HistoricFigures.Where(f => f.Indicator == "cse-clients").OrderBy(f => f.PeriodStartYear).ToListAsync();
            Assert.Equal(new int?[] { 48, 59, 74, 93, 112 }, stored.Select(f => f.Value));
            Assert.All(stored, f => Assert.Equal(("governance-history", fixture.Now, Lscb), (f.ImportedBy, f.ImportedAt, f.Source)));
            Assert.Equal(2, stored[0].SourceRow);
        }

        var report = await IndicatorsAsync("Commissioner");
        Assert.Equal(3, report.GetProperty("report").GetProperty("version").GetInt32());
        var clients = Series(report, "cse-clients");
        Assert.Equal("CseClients", clients.GetProperty("unit").GetString());
        Assert.Equal(new[] { "2009-10", "2008-09", "2007-08", "2006-07", "2005-06" },
            clients.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("period").GetString()));
        var latest = Value(clients, "2009-10");
        Assert.Equal(112, latest.GetProperty("value").GetInt32());
        Assert.Equal("imported", latest.GetProperty("basis").GetString());
        Assert.Equal(Lscb, latest.GetProperty("source").GetString());
        Assert.Equal(Clients, latest.GetProperty("definition").GetString());
        // COM-01: contacts and clients stay two indicators in two units; nothing adds them into "victims".
        Assert.Equal("CseContacts", Series(report, "cse-contacts").GetProperty("unit").GetString());
        Assert.DoesNotContain("victim", report.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var rb = Series(report, "rb-clients");
        var noData = Value(rb, "2005-06");
        Assert.Equal(JsonValueKind.Null, noData.GetProperty("value").ValueKind);
        Assert.StartsWith("no data", noData.GetProperty("noData").GetString());
        Assert.True(Value(rb, "2008-09").GetProperty("definitionChanged").GetBoolean());
        Assert.False(Value(rb, "2007-08").GetProperty("definitionChanged").GetBoolean());

        // The same in CSV (COM-04's export of every report): the imported figures and the computed indicator.
        using (var commissioner = fixture.Client("Commissioner"))
        using (var csv = await commissioner.GetAsync("/api/therapy/reports/indicators?format=csv"))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains("therapy-indicators,3,2026-27,Suppressed,historic,Referrals,cse-clients 2009-10,value,112", lines);
            Assert.Contains("therapy-indicators,3,2026-27,Suppressed,historic,Referrals,cse-clients 2009-10,basis,imported", lines);
            Assert.Contains(lines, l => l.StartsWith("therapy-indicators,3,2026-27,Suppressed,indicators,Referrals,therapy-decline-rate 2026-27,denominator,",
                StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("therapy-indicators,3,2026-27,Suppressed,indicators,Referrals,therapy-decline-rate,trend,", StringComparison.Ordinal));
        }

        // A year asked for shows only that year and the ones before it.
        var then = await IndicatorsAsync("Commissioner", "2007-08");
        Assert.Equal(new[] { "2007-08", "2006-07", "2005-06" },
            Series(then, "cse-clients").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("period").GetString()));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { $"{Header}\nbad-a,CseClients,2010-11,12,src,def\nbad-a,CseClients,2011-12,12a,src,def\n", "rows[3].value" },
        { $"{Header}\nbad-b,CseClients,2009/10,12,src,def\n", "rows[2].period" },
        { $"{Header}\nbad-c,CseClients,April 09-10,12,src,def\n", "rows[2].period" },
        { $"{Header}\nbad-d,CseClients,2010-12,12,src,def\n", "rows[2].period" },
        { $"{Header}\nbad-e,CseClients,2026-27,12,src,def\n", "rows[2].period" },
        { $"{Header}\nbad-f,CseClients,2030-31,12,src,def\n", "rows[2].period" },
        { $"{Header}\nbad-g,Victims,2010-11,12,src,def\n", "rows[2].unit" },
        { $"{Header}\nbad-h,1,2010-11,12,src,def\n", "rows[2].unit" },
        { $"{Header}\nbad-i,CseClients,2010-11,12,src,def\nbad-i,CseContacts,2011-12,12,src,def\n", "rows[3].unit" },
        { $"{Header}\nbad-j,CseClients,2010-11,12,src,def\nbad-j,CseClients,2010-11,13,src,def\n", "rows[3].period" },
        { $"{Header}\nbad-k,CseClients,2010-11,-3,src,def\n", "rows[2].value" },
        { $"{Header}\nbad-l,CseClients,2010-11,12,,def\n", "rows[2].source" },
        { $"{Header}\nbad-m,CseClients,2010-11,12,src,\n", "rows[2].definition" },
        { $"{Header}\nbad-n,CseClients,2010-11,12,src\u0007bell,def\n", "rows[2].source" },
        { $"{Header}\nBad Code!,CseClients,2010-11,12,src,def\n", "rows[2].indicator" },
        { $"{Header}\ntherapy-decline-rate,Referrals,2010-11,12,src,def\n", "rows[2].indicator" },
        { $"{Header}\ntherapy-decline-rate-numerator,CseClients,2010-11,12,src,def\n", "rows[2].unit" },
        { $"{Header}\ntherapy-decline-rate-denominator,Referrals,2010-11,10,src,def\ntherapy-decline-rate-numerator,Referrals,2010-11,11,src,def\n", "rows[3].value" },
        { $"{Header}\nbad-o,CseClients,2010-11,12,src\n", "rows[2]" },
        { "indicator,unit,period,value,source\nbad-p,CseClients,2010-11,12,src\n", "rows[1].definition" },
        { $"{Header},notes\nbad-q,CseClients,2010-11,12,src,def,x\n", "rows[1].notes" },
        { $"{Header}\nbad-r,CseClients,2010-11,12,\"src\"x\"\",def\n", "rows[2]" },
        { $"{Header}\n", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_with_a_bad_row_is_a_422_naming_the_row_and_column_and_nothing_is_stored(string csv, string key)
    {
        var before = await StoredAsync();
        // The good row before the bad one is not stored either: one transaction or nothing.
        using var response = await ImportAsync(csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.Contains(errors, e => e.Name == key);
        if (key.StartsWith("rows[", StringComparison.Ordinal))
        {
            var row = key[5..key.IndexOf(']')];
            Assert.StartsWith($"Row {row}", errors.Single(e => e.Name == key).Value[0].GetString());
        }
        Assert.Contains("Nothing was imported", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_period_imported_again_is_a_409_naming_the_row_unless_a_reason_restates_it_as_a_new_entry_that_keeps_the_old()
    {
        var first = $"{Header}\nreferrals-historic,Referrals,2012-13,100,Council return 2013,Referrals to children's social care\n";
        (await ImportAsync(first)).EnsureSuccessStatusCode();
        var before = await StoredAsync();
        var again = $"{Header}\nreferrals-historic,Referrals,2013-14,130,Council return 2014,Referrals to children's social care\n"
            + "referrals-historic,Referrals,2012-13,120,Council return 2014 (revised),Referrals to children's social care\n";
        using var conflict = await ImportAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(new[] { "rows[3].period" }, await conflict.ErrorFieldsAsync());
        Assert.Equal(before, await StoredAsync());

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        using var restated = await ImportAsync(again, reason: "The 2013 return missed late referrals; revised in the 2014 return");
        Assert.Equal(HttpStatusCode.Created, restated.StatusCode);
        Assert.Equal(1, (await restated.JsonAsync()).GetProperty("restated").GetInt32());
        await using (var db = fixture.CreateDbContext())
        {
            var kept = await db.HistoricFigures.Where(f => f.Indicator == "referrals-historic" && f.PeriodStartYear == 2012).OrderBy(f => f.ImportedAt).ThenBy(f => f.Supersedes != null).ToListAsync();
            Assert.Equal(new int?[] { 100, 120 }, kept.Select(f => f.Value));
            Assert.Equal(kept[0].Id, kept[1].Supersedes);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM therapy.historic_figures"));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
        var series = Series(await IndicatorsAsync("Commissioner"), "referrals-historic");
        var value = Value(series, "2012-13");
        Assert.Equal(120, value.GetProperty("value").GetInt32());
        Assert.Contains("missed late referrals", value.GetProperty("restated").GetString());
        Assert.Equal(JsonValueKind.Null, Value(series, "2013-14").GetProperty("restated").ValueKind);

        // The list of imports: newest first, the restatement with its reason, each figure marked either way.
        using (var reader = fixture.Client("Governance", "governance-imports"))
        {
            var imports = (await reader.GetFromJsonAsync<JsonElement>("/api/therapy/reports/historic-imports")).EnumerateArray()
                .Where(i => i.GetProperty("figures").EnumerateArray().Any(f => f.GetProperty("indicator").GetString() == "referrals-historic")).ToList();
            Assert.Equal(2, imports.Count);
            Assert.Equal("The 2013 return missed late referrals; revised in the 2014 return", imports[0].GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Null, imports[1].GetProperty("reason").ValueKind);
            var restating = imports[0].GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("period").GetString() == "2012-13");
            Assert.True(restating.GetProperty("restates").GetBoolean());
            Assert.Equal(120, restating.GetProperty("value").GetInt32());
            var original = imports[1].GetProperty("figures").EnumerateArray().Single();
            Assert.True(original.GetProperty("restatedLater").GetBoolean());
            Assert.Equal(("commissioner-history", 1), (imports[1].GetProperty("importedBy").GetString(), imports[1].GetProperty("rows").GetInt32()));
        }

        using var badReason = await ImportAsync(again, reason: "line\u0001break");
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Equal(new[] { "reason" }, await badReason.ErrorFieldsAsync());
    }

    private const string Return = "Council CAMHS return";
    private const string Declined = "CAMHS referrals declined";
    private const string Decided = "CAMHS referrals accepted or declined";

    [Fact]
    public async Task The_decline_rate_reaches_back_before_the_platform_through_an_imported_numerator_and_denominator_with_its_rag_computed()
    {
        // The platform decides its first referral now, in 2026-27; the years before are the council's own.
        var young = await fixture.RegisterAsync(new DateOnly(2011, 2, 2), "Before Platform");
        var camhs = await fixture.OfferAsync("History CAMHS", "History clinic", "Camhs");
        var referral = await fixture.ReferAsync(young, camhs);
        using (var clinician = fixture.Client("CamhsClinician", "camhs-history"))
        {
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new
            {
                reason = "BelowThreshold", cseHistoryConsidered = true, declinedAt = fixture.Now.ToString("O"),
            })).EnsureSuccessStatusCode();
        }
        using (var imported = await ImportAsync(string.Join("\n",
               [
                   Header,
                   $"therapy-decline-rate-numerator,Referrals,2025-26,20,{Return},{Declined}",
                   $"therapy-decline-rate-denominator,Referrals,2025-26,100,{Return},{Decided}",
                   $"therapy-decline-rate-numerator,Referrals,2024-25,5,{Return},{Declined}",
                   $"therapy-decline-rate-denominator,Referrals,2024-25,100,{Return},{Decided}",
                   $"therapy-decline-rate-denominator,Referrals,2023-24,100,{Return},{Decided}",
               ]) + "\n"))
        {
            Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        }

        static JsonElement Rate(JsonElement report) =>
            report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "therapy-decline-rate");
        var exact = Rate(await IndicatorsAsync("Auditor"));
        var now = exact.GetProperty("current");
        Assert.Equal(("platform", 1.0m, "Red"), (now.GetProperty("basis").GetString(), now.GetProperty("rate").GetDecimal(), now.GetProperty("rag").GetString()));
        var earlier = exact.GetProperty("earlier").EnumerateArray().ToList();
        Assert.Equal(("2025-26", "imported", 20, 100), (earlier[0].GetProperty("period").GetString(), earlier[0].GetProperty("basis").GetString(),
            earlier[0].GetProperty("numerator").GetInt32(), earlier[0].GetProperty("denominator").GetInt32()));
        // The RAG is the indicator's own thresholds applied to the imported counts, never a colour typed in.
        Assert.Equal((0.2m, "Amber"), (earlier[0].GetProperty("rate").GetDecimal(), earlier[0].GetProperty("rag").GetString()));
        Assert.Equal(Return, earlier[0].GetProperty("source").GetString());
        Assert.Contains(Declined, earlier[0].GetProperty("importedDefinition").GetString());
        Assert.Equal((0.05m, "Green"), (earlier[1].GetProperty("rate").GetDecimal(), earlier[1].GetProperty("rag").GetString()));
        // Only the denominator imported for 2023-24: no data, never a rate from half the figures.
        Assert.Equal(JsonValueKind.Null, earlier[2].GetProperty("rate").ValueKind);
        Assert.StartsWith("no data", earlier[2].GetProperty("withheld").GetString());
        // The platform's own year against the council's: a change of basis, not a trend.
        Assert.Equal("NotComparable", exact.GetProperty("trend").GetString());
        // Two of the council's years under one definition: 5% then 20% is worse.
        Assert.Equal("Worse", Rate(await IndicatorsAsync("Auditor", "2025-26")).GetProperty("trend").GetString());

        // Small imported counts are suppressed like the platform's: 5 declined of 100 is not shown to a commissioner.
        var suppressed = Rate(await IndicatorsAsync("Commissioner")).GetProperty("earlier").EnumerateArray().ToList();
        Assert.Equal("c", suppressed[1].GetProperty("numerator").GetString());
        Assert.Equal(JsonValueKind.Null, suppressed[1].GetProperty("rate").ValueKind);
        using (var commissioner = fixture.Client("Commissioner"))
        {
            var csv = await commissioner.GetStringAsync("/api/therapy/reports/indicators?format=csv");
            Assert.Contains("therapy-indicators,3,2026-27,Suppressed,indicators,Referrals,therapy-decline-rate 2025-26,basis,imported", csv);
            Assert.Contains("therapy-indicators,3,2026-27,Suppressed,indicators,Referrals,therapy-decline-rate 2025-26,rag,Amber", csv);
        }

        // A numerator above the denominator already stored for its year is refused, naming the row, and nothing is stored.
        var before = await StoredAsync();
        using var over = await ImportAsync($"{Header}\ntherapy-decline-rate-numerator,Referrals,2023-24,150,{Return},{Declined}\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("rows[2].value", await over.ErrorFieldsAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Small_imported_counts_are_shown_as_c_to_commissioners_and_exactly_to_auditors()
    {
        (await ImportAsync($"{Header}\nsmall-historic,Assessments,2011-12,3,Council return,Assessments completed\nsmall-historic,Assessments,2012-13,0,Council return,Assessments completed\n"))
            .EnsureSuccessStatusCode();
        var suppressed = Series(await IndicatorsAsync("Commissioner"), "small-historic");
        Assert.Equal("c", Value(suppressed, "2011-12").GetProperty("value").GetString());
        Assert.Equal(0, Value(suppressed, "2012-13").GetProperty("value").GetInt32());
        var exact = Series(await IndicatorsAsync("Auditor"), "small-historic");
        Assert.Equal(3, Value(exact, "2011-12").GetProperty("value").GetInt32());
    }

    [Theory]
    [InlineData("Auditor")]
    [InlineData("TeamManager")]
    [InlineData("SocialWorker")]
    [InlineData("PlatformOperator")]
    public async Task Only_commissioners_and_governance_import_figures(string role)
    {
        var before = await StoredAsync();
        using var response = await ImportAsync($"{Header}\nrole-historic,CseClients,2010-11,12,src,def\n", role);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task The_body_must_be_csv_and_not_too_large()
    {
        using var json = await ImportAsync("""{"indicator":"x"}""", mediaType: "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        var huge = Header + "\n" + string.Concat(Enumerable.Repeat("huge-historic,CseClients,2010-11,12,src,def\n", 7000));
        using var tooLarge = await ImportAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }
}
