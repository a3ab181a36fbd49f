using System.Net.Http.Json;
using System.Text.Json;

namespace Support.Therapy.Tests;

/// <summary>
/// COM-06, THR-09: capacity against demand per commissioned offer, for commissioners: the commission's facts as they
/// are, capacity used and demand as suppressed counts, and the same in CSV (COM-04's export of every report).
/// </summary>
public sealed class CapacityReportTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task Capacity_used_and_demand_are_counted_per_offer_beside_the_commission_and_exported_as_csv()
    {
        var offer = await fixture.OfferAsync("Capacity Counselling", "Drop-in", "CounsellingVoluntarySector", capacity: 12);
        await fixture.OfferAsync("Capacity Counselling", "Family work", "FamilyTherapy", capacity: 4);
        using var clinician = fixture.Client("CamhsClinician", "camhs-capacity");
        for (var i = 0; i < 7; i++)
        {
            var referral = await fixture.ReferAsync(await fixture.RegisterAsync(new DateOnly(2011, 3, 3), $"Capacity {i}"), offer);
            if (i < 6)
            {
                (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
            }
        }

        using var commissioner = fixture.Client("Commissioner", "commissioner-capacity");
        var report = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/capacity?year=2026-27");
        var counts = report.GetProperty("counts");
        Assert.Equal("offer-capacity", counts.GetProperty("report").GetProperty("name").GetString());
        int? Cell(string table, string row)
        {
            var cell = counts.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == table).GetProperty("body")
                .EnumerateArray().Single(r => r.GetProperty("label").GetString() == row).GetProperty("cells")[0];
            return cell.ValueKind == JsonValueKind.Number ? cell.GetInt32() : null;
        }
        Assert.Equal((6, 7), (Cell("capacityUsed", "Capacity Counselling: Drop-in"), Cell("demand", "Capacity Counselling: Drop-in")));
        Assert.Equal((0, 0), (Cell("capacityUsed", "Capacity Counselling: Family work"), Cell("demand", "Capacity Counselling: Family work")));
        var commission = report.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("offer").GetString() == "Drop-in");
        Assert.Equal((12, 120000m), (commission.GetProperty("commissionedCapacity").GetInt32(), commission.GetProperty("fundingInPeriod").GetDecimal()));

        using var csv = await commissioner.GetAsync("/api/therapy/reports/capacity?year=2026-27&format=csv");
        csv.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("report,version,period,disclosure,table,unit,row,column,value", lines[0]);
        Assert.Contains("offer-capacity,1,2026-27,Suppressed,capacityUsed,DistinctYoungPeople,Capacity Counselling: Drop-in,Accepted,6", lines);
        Assert.Contains("offer-capacity,1,2026-27,Suppressed,demand,Referrals,Capacity Counselling: Drop-in,Referrals,7", lines);
        Assert.Contains("offer-capacity,1,2026-27,Suppressed,offers,Commission,Capacity Counselling: Drop-in,commissionedCapacity,12", lines);
        Assert.Contains("offer-capacity,1,2026-27,Suppressed,offers,Commission,Capacity Counselling: Family work,type,FamilyTherapy", lines);
    }
}
