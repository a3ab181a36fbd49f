using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.LeavingCare;
using Support.Contracts.Risk;
using Support.LeavingCare.Features.Alerts;
using Support.Testing;

namespace Support.LeavingCare.Tests;

/// <summary>
/// LC-01: an alert nobody acknowledges in 5 working days escalates to the leaving-care team manager, once. The fixture
/// starts on Thursday 26 March 2026 at noon (GMT): five working days later is Thursday 2 April at noon BST, after the
/// clocks went forward on the 29th, so the deadline is 11:00 UTC: 6 days 23 hours of elapsed time.
/// </summary>
public sealed class AlertEscalationTests(AlertEscalationTests.SpringFixture fixture) : IClassFixture<AlertEscalationTests.SpringFixture>
{
    public sealed class SpringFixture : LeavingCareFixture
    {
        protected override DateTimeOffset Start => new(2026, 3, 26, 12, 0, 0, TimeSpan.Zero);
    }

    private static readonly DateTimeOffset Deadline = new(2026, 4, 2, 11, 0, 0, TimeSpan.Zero);

    private AlertAcknowledgementEscalationJob Job => fixture.Host.Services.GetRequiredService<AlertAcknowledgementEscalationJob>();

    private async Task<List<(string Kind, string Queue, DateTimeOffset? EscalatedAt)>> AlertsAsync(Guid id)
    {
        await using var db = fixture.CreateDbContext();
        return (await db.Alerts.Where(a => a.YoungPersonId == id).OrderBy(a => a.RaisedAt).ToListAsync())
            .Select(a => (a.Kind, a.Queue, a.EscalatedAt)).ToList();
    }

    [Fact]
    public async Task An_alert_not_acknowledged_in_5_working_days_escalates_to_the_team_manager_just_after_the_deadline_and_only_once()
    {
        using var manager = fixture.Client("TeamManager", "lc-esc-manager");
        var late = await fixture.RegisterAsync(fixture.BornToTurn18In(60));
        var acknowledged = await fixture.RegisterAsync(fixture.BornToTurn18In(60));
        await Eventually.TrueAsync(async () => (await AlertsAsync(late)).Count == 1 && (await AlertsAsync(acknowledged)).Count == 1, because: "the handover alerts");
        await using (var db = fixture.CreateDbContext())
        {
            var alertId = await db.Alerts.Where(a => a.YoungPersonId == acknowledged).Select(a => a.Id).SingleAsync();
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/leavingcare/alerts/{alertId}/acknowledge", null)).StatusCode);
        }

        fixture.Clock.SetUtcNow(Deadline);
        Assert.Equal(0, await Job.RunOnceAsync(CancellationToken.None));

        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        Assert.Equal(1, await Job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await Job.RunOnceAsync(CancellationToken.None));

        var alerts = await AlertsAsync(late);
        Assert.Equal(["LeavingCareTeam", "TeamManager"], alerts.Select(a => a.Queue));
        Assert.Equal("UnacknowledgedHandover", alerts[1].Kind);
        Assert.NotNull(alerts[0].EscalatedAt);
        Assert.Single(await AlertsAsync(acknowledged));
        Assert.Single(await fixture.OutboxAsync<HandoverAlertRaised>(m => m.YoungPersonId == late && m.Kind == "UnacknowledgedHandover"));
        var queue = await manager.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts?kind=UnacknowledgedHandover");
        Assert.Contains(queue.EnumerateArray(), a => a.GetProperty("youngPersonId").GetGuid() == late);
    }
}

/// <summary>LC-02, LC-03: victim status is never cleared by a lower rating or a birthday; the adviser's duty end date follows education.</summary>
public sealed class ContinuityTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    [Fact]
    public async Task Victim_status_set_by_a_medium_rating_stays_after_a_low_rating_and_the_18th_birthday()
    {
        using var manager = fixture.Client("TeamManager", "lc-cont-manager");
        var id = await fixture.RegisterAsync(fixture.BornToTurn18In(10));
        await fixture.SetRiskAsync(id, RiskLevel.Medium, RiskIndicator.GiftsMoneyOrAttention);
        await fixture.SetRiskAsync(id, RiskLevel.Low);
        fixture.Clock.Advance(TimeSpan.FromDays(11));
        await fixture.Job.RunOnceAsync(CancellationToken.None);

        var record = await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care");
        var continuity = record.GetProperty("continuity");
        Assert.True(continuity.GetProperty("victimWithOngoingSupportNeeds").GetBoolean());
        Assert.Equal(18, record.GetProperty("record").GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task The_adviser_duty_ends_at_21_or_at_25_in_education_or_training_and_someone_never_rated_is_not_called_a_victim()
    {
        using var manager = fixture.Client("TeamManager", "lc-cont-manager-2");
        var born = fixture.Today.AddYears(-19);
        var id = await fixture.RegisterAsync(born);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = id, lookedAfter = true })).StatusCode);

        var before = (await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care")).GetProperty("continuity");
        Assert.Equal(born.AddYears(21).ToString("yyyy-MM-dd"), before.GetProperty("adviserDutyEndsOn").GetString());
        Assert.False(before.GetProperty("victimWithOngoingSupportNeeds").GetBoolean());

        using var set = await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{id}/education-or-training", new { inEducationOrTraining = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(born.AddYears(25).ToString("yyyy-MM-dd"), (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adviserDutyEndsOn").GetString());
        using var missing = await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{id}/education-or-training", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Dependants_and_persons_named_in_return_interviews_are_part_of_the_picture()
    {
        using var manager = fixture.Client("TeamManager", "lc-cont-manager-3");
        var born = fixture.Today.AddYears(-19);
        var id = await fixture.RegisterAsync(born);
        var interviewId = Guid.NewGuid();
        await fixture.PublishAsync(new Support.Contracts.Missing.ReturnInterviewLinksProposed
        {
            InterviewId = interviewId, EpisodeId = Guid.NewGuid(), YoungPersonId = id, Persons = ["'Mo'", "Tariq"], Vehicles = [], Places = [],
            SharingBasis = "SafeguardingOverride", OccurredAt = fixture.Now,
        });

        using var recorded = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/dependants",
            new { dateOfBirth = fixture.Today.AddMonths(-4).ToString("yyyy-MM-dd"), socialCareInvolvement = true });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        using var beforeParent = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/dependants",
            new { dateOfBirth = born.AddDays(-1).ToString("yyyy-MM-dd"), socialCareInvolvement = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeParent.StatusCode);
        Assert.Equal(["dateOfBirth"], await beforeParent.ErrorFieldsAsync());

        var casework = await Eventually.GetAsync(async () =>
        {
            var record = await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care");
            var block = record.GetProperty("casework");
            return block.GetProperty("personsOfConcern").GetArrayLength() > 0 ? block.GetRawText() : null;
        }, because: "the proposed persons to reach the picture");
        using var json = JsonDocument.Parse(casework);
        Assert.Equal("'Mo'; Tariq", json.RootElement.GetProperty("personsOfConcern")[0].GetProperty("named").GetString());
        Assert.True(Assert.Single(json.RootElement.GetProperty("dependants").EnumerateArray()).GetProperty("socialCareInvolvement").GetBoolean());
    }
}
