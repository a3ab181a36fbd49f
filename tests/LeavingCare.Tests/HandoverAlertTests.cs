using Microsoft.EntityFrameworkCore;
using Support.Contracts.LeavingCare;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Tests;

/// <summary>LC-01, LC-02: handover alerts at their edges, raised exactly once by the job and by events.</summary>
public sealed class HandoverAlertTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    private async Task<List<HandoverAlert>> AlertsAsync(Guid id)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.YoungPersonId == id).OrderBy(a => a.Kind).ToListAsync();
    }

    [Fact]
    public async Task A_young_person_turning_18_in_91_days_gets_no_alert_and_in_90_days_gets_one()
    {
        var later = await fixture.RegisterAsync(fixture.BornToTurn18In(91));
        var due = await fixture.RegisterAsync(fixture.BornToTurn18In(90));

        await fixture.Job.RunOnceAsync(CancellationToken.None);

        Assert.Empty(await AlertsAsync(later));
        var alert = Assert.Single(await AlertsAsync(due));
        Assert.Equal(AlertKinds.Handover, alert.Kind);
        Assert.Equal(AlertQueues.LeavingCareTeam, alert.Queue);
        Assert.Null(alert.Recipient);
        Assert.Equal(fixture.Today.AddDays(90), alert.DueOn);
    }

    [Fact]
    public async Task A_young_person_registered_at_17_years_10_months_gets_the_alert_at_once_without_the_job()
    {
        var id = await fixture.RegisterAsync(fixture.Today.AddMonths(-10).AddYears(-17));

        var alert = Assert.Single(await AlertsAsync(id));
        Assert.Equal(AlertKinds.Handover, alert.Kind);
        var raised = Assert.Single(await fixture.OutboxAsync<HandoverAlertRaised>(e => e.YoungPersonId == id));
        Assert.Equal(alert.Id, raised.AlertId);
        Assert.Equal("Handover", raised.Kind);
    }

    [Fact]
    public async Task Each_alert_is_created_exactly_once_however_many_passes_run_at_the_same_time()
    {
        var id = await fixture.RegisterAsync(fixture.BornToTurn18In(20));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.Job.RunOnceAsync(CancellationToken.None)));
        await fixture.Job.RunOnceAsync(CancellationToken.None);

        var alerts = await AlertsAsync(id);
        Assert.Equal([AlertKinds.Escalated, AlertKinds.Handover], alerts.Select(a => a.Kind));
        var events = await fixture.OutboxAsync<HandoverAlertRaised>(e => e.YoungPersonId == id);
        Assert.Equal(2, events.Count);
        Assert.Equal(alerts.Select(a => a.Id).Order(), events.Select(e => e.AlertId).Order());
    }

    [Fact]
    public async Task The_escalated_alert_goes_to_a_manager_at_30_days_only_when_no_adviser_is_allocated()
    {
        // Allocated while there are still 120 days to go; then 90 days pass.
        var withAdviser = await fixture.RegisterAsync(fixture.BornToTurn18In(120));
        using var manager = fixture.Client("TeamManager", "lc-manager-esc");
        var adviser = await Api.RegisterAdviserAsync(manager, "pa-esc");
        await Api.AllocateAsync(manager, withAdviser, adviser);
        fixture.Clock.Advance(TimeSpan.FromDays(90));
        var at31 = await fixture.RegisterAsync(fixture.BornToTurn18In(31));
        var at30 = await fixture.RegisterAsync(fixture.BornToTurn18In(30));

        await fixture.Job.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(await AlertsAsync(at31), a => a.Kind == AlertKinds.Escalated);
        var escalated = Assert.Single(await AlertsAsync(at30), a => a.Kind == AlertKinds.Escalated);
        Assert.Equal(AlertQueues.TeamManager, escalated.Queue);
        var alerts = await AlertsAsync(withAdviser);
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKinds.Escalated);
        var handover = Assert.Single(alerts, a => a.Kind == AlertKinds.Handover);
        Assert.Equal("pa-esc", handover.Recipient);
    }

    [Fact]
    public async Task No_handover_alert_is_raised_for_someone_already_18()
    {
        var adult = await fixture.RegisterAsync(fixture.BornToTurn18In(0));
        var older = await fixture.RegisterAsync(fixture.BornToTurn18In(-400));

        await fixture.Job.RunOnceAsync(CancellationToken.None);

        Assert.Empty(await AlertsAsync(adult));
        Assert.Empty(await AlertsAsync(older));
    }

    [Fact]
    public async Task A_risk_level_that_arrives_before_the_registration_is_kept_and_the_alert_follows_the_registration()
    {
        var id = Guid.NewGuid();
        await fixture.PublishAsync(new Support.Contracts.Risk.RiskLevelChanged
        {
            YoungPersonId = id, SourceId = Guid.NewGuid(), NewLevel = Support.Contracts.Risk.RiskLevel.VeryHigh,
            SuggestedLevel = Support.Contracts.Risk.RiskLevel.VeryHigh, Indicators = [Support.Contracts.Risk.RiskIndicator.InCare],
            RuleTableVersion = "test", IsDowngrade = false, RecordedBy = "sw", RecordedByRole = "SocialWorker", OccurredAt = fixture.Now,
        });
        await Support.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.Pictures.AnyAsync(p => p.YoungPersonId == id && p.RiskLevel == Support.Contracts.Risk.RiskLevel.VeryHigh);
        }, because: "the early risk level to start the picture");

        await fixture.PublishAsync(new Support.Contracts.Registry.YoungPersonRegistered
        {
            YoungPersonId = id, DisplayName = "Early Risk", DateOfBirth = fixture.BornToTurn18In(60), OccurredAt = fixture.Now,
        });

        await Support.Testing.Eventually.TrueAsync(async () => (await AlertsAsync(id)).Any(a => a.Kind == AlertKinds.Handover),
            because: "the registration to raise the alert");
        await using var after = fixture.CreateDbContext();
        var picture = await after.Pictures.SingleAsync(p => p.YoungPersonId == id);
        Assert.Equal(Support.Contracts.Risk.RiskLevel.VeryHigh, picture.RiskLevel);
        Assert.True(picture.LookedAfter, "the InCare indicator marks the young person looked after");
    }
}
