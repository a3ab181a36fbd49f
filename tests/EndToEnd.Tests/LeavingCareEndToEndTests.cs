using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Risk;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// LC-01 through the gateway over the real bus: a young person registered in Referrals at 17 years 10 months gets a
/// handover alert at once (no waiting for the daily job), and when their risk level is set to High the alert's pack
/// names it. The risk level is published by the test as Referrals would publish it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LeavingCareEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_young_person_registered_at_17_years_10_months_with_a_high_risk_level_gets_a_handover_alert_whose_pack_names_it()
    {
        using var social = platform.Client("SocialWorker", "e2e-lc-sw");
        using var manager = platform.Client("TeamManager", "e2e-lc-manager");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dateOfBirth = today.AddMonths(-10).AddYears(-17);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Leah", familyName = "Handover", dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var alertId = await Eventually.GetAsync(async () =>
        {
            var alerts = await manager.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts?kind=Handover");
            return alerts.EnumerateArray().Where(a => a.GetProperty("youngPersonId").GetGuid() == youngPersonId)
                .Select(a => a.GetProperty("id").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the handover alert to be raised from the registration");

        var bus = await TestBus.StartAsync();
        try
        {
            await bus.PublishAsync(new RiskLevelChanged
            {
                YoungPersonId = youngPersonId, SourceId = Guid.NewGuid(), NewLevel = RiskLevel.High, SuggestedLevel = RiskLevel.High,
                Indicators = [RiskIndicator.GiftsMoneyOrAttention, RiskIndicator.MissingFromHome], RuleTableVersion = "e2e", IsDowngrade = false,
                RecordedBy = "e2e-lc-sw", RecordedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
            }, Guid.NewGuid());
        }
        finally
        {
            await bus.StopAsync();
        }

        var pack = await Eventually.GetAsync(async () =>
        {
            var alert = await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/alerts/{alertId}");
            var risk = alert.GetProperty("pack").GetProperty("risk");
            return risk.GetProperty("level").GetString() == "High" ? risk.GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "the pack to name the High risk level");
        Assert.Contains("GiftsMoneyOrAttention", pack);

        // Only one handover alert for this young person, however the picture changed.
        var all = await manager.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts?kind=Handover&includeAcknowledged=true");
        Assert.Single(all.EnumerateArray(), a => a.GetProperty("youngPersonId").GetGuid() == youngPersonId);
        using var commissioner = platform.Client("Commissioner", "e2e-lc-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/leavingcare/alerts/{alertId}")).StatusCode);
    }
}
