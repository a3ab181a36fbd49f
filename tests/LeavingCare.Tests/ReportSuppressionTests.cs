using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Support.LeavingCare.Tests;

/// <summary>COM-04: LeavingCare's counts pass the shared small-number suppression; auditors see them exact.</summary>
public sealed class ReportSuppressionTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    [Fact]
    public async Task Two_unmet_needs_show_as_c_to_a_commissioner_and_as_2_to_an_auditor()
    {
        using var adult = fixture.Client("AdultServices", "as-suppression");
        for (var i = 0; i < 2; i++)
        {
            var id = await fixture.RegisterAsync(fixture.Today.AddYears(-19).AddDays(-i));
            using var response = await adult.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", new
            {
                needCategory = "AdultMentalHealth", reason = "CriteriaNotMet", refusedBy = "Adult mental health", details = "Below threshold", refusedOn = fixture.Today,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var commissioner = fixture.Client("Commissioner", "lc-commissioner-s");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/leavingcare/reports/alerts");
        Assert.Equal("c", suppressed.GetProperty("unmetNeeds").GetProperty("value").GetString());
        Assert.Equal("Suppressed", suppressed.GetProperty("disclosure").GetString());
        using var auditor = fixture.Client("Auditor", "lc-auditor");
        var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/leavingcare/reports/alerts");
        Assert.Equal("2", exact.GetProperty("unmetNeeds").GetProperty("value").GetString());
        Assert.Equal("Exact", exact.GetProperty("disclosure").GetString());
        // The open alerts by kind and their total: no count from 1 to 5 is ever shown to the commissioner.
        var shown = suppressed.GetProperty("openAlertsByKind").EnumerateArray().Select(k => k.GetProperty("value").GetString())
            .Append(suppressed.GetProperty("openAlerts").GetProperty("value").GetString());
        Assert.DoesNotContain(shown, v => v is "1" or "2" or "3" or "4" or "5");
    }
}
