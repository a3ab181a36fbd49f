using System.Net.Http.Json;
using System.Text.Json;

namespace Support.Therapy.Tests;

/// <summary>A clock that starts in the last week of financial year 2025-26, so a referral can be recorded before it closes and after.</summary>
public sealed class YearEndTherapyFixture : TherapyFixture
{
    protected override DateTimeOffset Start => new(2026, 3, 25, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// COM-09: counts are by when a referral was made, so one recorded after its year closed changes that year; a closed
/// year's report says how many did and when the last came, and an open year's says nothing of the kind.
/// </summary>
public sealed class RestatementTests(YearEndTherapyFixture fixture) : IClassFixture<YearEndTherapyFixture>
{
    [Fact]
    public async Task Referrals_recorded_after_their_year_closed_are_named_as_a_restatement_of_it()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 5, 5), "Late Entry");
        var camhs = await fixture.OfferAsync("Restatement CAMHS", "Restatement clinic", "Camhs");
        using var social = fixture.Client("SocialWorker", "sw-restated");
        async Task ReferAsync(DateTimeOffset referredAt)
        {
            using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
            {
                youngPersonId = youngPerson, offerId = camhs, referredAt = referredAt.ToString("O"), reason = "Nightmares after disclosure.",
            });
            made.EnsureSuccessStatusCode();
        }
        await ReferAsync(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero)); // recorded on 25 March, before the year closed
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
        await ReferAsync(new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.Zero)); // both dated in 2025-26, recorded in November
        await ReferAsync(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero));
        await ReferAsync(new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero)); // this year's

        using var auditor = fixture.Client("Auditor");
        foreach (var report in new[] { "referral-outcomes", "waits" })
        {
            var closed = await auditor.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/{report}?year=2025-26");
            Assert.Equal(2, closed.GetProperty("report").GetProperty("version").GetInt32());
            var restatement = closed.GetProperty("restatement");
            Assert.Equal(2, restatement.GetProperty("lateEntries").GetInt32());
            Assert.Equal("2026-11-18", restatement.GetProperty("lastRecordedOn").GetString());
            Assert.StartsWith("2 referrals dated in this period were recorded after it ended", restatement.GetProperty("note").GetString());
            var open = await auditor.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/{report}?year=2026-27");
            Assert.False(open.TryGetProperty("restatement", out _), $"{report}: an open year has no restatement");
        }
        var outcomes = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-outcomes?year=2025-26");
        Assert.Equal(3, outcomes.GetProperty("tables")[0].GetProperty("grandTotal").GetInt32());

        using var commissioner = fixture.Client("Commissioner");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-outcomes?year=2025-26");
        Assert.Equal("c", suppressed.GetProperty("restatement").GetProperty("lateEntries").GetString());
        Assert.StartsWith("c referrals dated in this period", suppressed.GetProperty("restatement").GetProperty("note").GetString());
        using var csv = await commissioner.GetAsync("/api/therapy/reports/referral-outcomes?year=2025-26&format=csv");
        Assert.Contains("therapy-referral-outcomes,2,2025-26,Suppressed,restatement,Referrals,LateEntries,2026-11-18,c", await csv.Content.ReadAsStringAsync());
    }
}
