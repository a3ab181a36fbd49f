using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Contracts.Therapy;

namespace Support.Therapy.Tests;

/// <summary>THR-08: health indicators feed risk review; they are records, never edited.</summary>
public sealed class HealthIndicatorTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task An_under_13_pregnancy_is_announced_with_its_risk_indicator_and_age_for_a_risk_review()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2014, 1, 10));
        using var health = fixture.Client("HealthPartner", "hp-1");

        using var recorded = await health.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators", new
        {
            type = "Pregnancy", occurredAt = "2026-11-10T14:00", sharingBasis = "SafeguardingOverride",
        });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var announced = Assert.Single(await fixture.OutboxAsync<HealthIndicatorRecorded>(e => e.YoungPersonId == youngPerson));
        Assert.Equal(HealthIndicatorType.Pregnancy, announced.Type);
        Assert.Equal(new[] { RiskIndicator.Pregnancy }, announced.RiskIndicators);
        Assert.Equal(12, announced.AgeAtEvent);
        Assert.Equal("SafeguardingOverride", announced.SharingBasis);
        Assert.Equal("hp-1", announced.RecordedBy);
    }

    [Fact]
    public async Task A_health_indicator_is_append_only_and_bad_input_names_the_field()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 4, 4));
        using var health = fixture.Client("HealthPartner", "hp-2");

        using var before = await health.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators",
            new { type = "Sti", occurredAt = "2009-01-01T10:00", sharingBasis = "Consent" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Equal(new[] { "occurredAt" }, await before.ErrorFieldsAsync());
        using var badType = await health.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators",
            new { type = "Flu", occurredAt = "2026-11-10T10:00", sharingBasis = "Consent" });
        Assert.Equal(new[] { "type" }, await badType.ErrorFieldsAsync());
        using var commissioner = fixture.Client("Commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators",
            new { type = "Sti", occurredAt = "2026-11-10T10:00", sharingBasis = "Consent" })).StatusCode);

        (await health.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators",
            new { type = "Sti", occurredAt = "2026-11-10T10:00", sharingBasis = "Consent" })).EnsureSuccessStatusCode();
        await using var db = fixture.CreateDbContext();
        var error = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE therapy.health_indicators SET type = 'Pregnancy'"));
        Assert.NotNull(error);
        Assert.Contains("append-only", error.Message);
    }
}
