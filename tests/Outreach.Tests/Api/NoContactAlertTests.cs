using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Outreach.Domain;
using Support.Outreach.Features.Involvements;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>The no-contact pass run as the job runs it, in a transaction at the fixture's clock; the job on the same clock may run it too.</summary>
internal static class NoContactPass
{
    public static async Task RunAsync(OutreachFixture fixture)
    {
        await using var db = fixture.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await NoContactAlerts.RaiseDueAsync(db, new OutreachOptions(), fixture.Now, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public static async Task<List<NoContactAlert>> AlertsAsync(OutreachFixture fixture, Guid involvementId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.NoContactAlerts.AsNoTracking().Where(a => a.InvolvementId == involvementId).OrderBy(a => a.RaisedAt).ToListAsync();
    }

    public static async Task RatedAsync(OutreachFixture fixture, Guid youngPersonId, RiskLevel level)
    {
        await using var db = fixture.CreateDbContext();
        db.YoungPersonRiskLevels.Add(YoungPersonRiskLevel.Of(youngPersonId, level, fixture.Now));
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// OUT-06, Part I <c>OutreachNoContactAlert</c>: 14 days without contact with a young person rated High or above
/// alerts the worker holding the involvement and managers, once per gap; exactly at 14 days, not a tick before.
/// </summary>
public sealed class NoContactAlertTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private static readonly TimeSpan Fourteen = TimeSpan.FromDays(14);

    [Fact]
    public async Task A_high_risk_young_person_unseen_for_14_days_alerts_once_per_gap_from_the_last_contact_and_a_medium_one_never()
    {
        var high = await fixture.KnownYoungPersonAsync();
        var medium = await fixture.KnownYoungPersonAsync();
        await NoContactPass.RatedAsync(fixture, high, RiskLevel.High);
        await NoContactPass.RatedAsync(fixture, medium, RiskLevel.Medium);
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-gap");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-gap");
        var involvement = await InvolvementTests.StartAsync(worker, high);
        var quiet = await InvolvementTests.StartAsync(worker, medium);
        var seen = fixture.Now.AddHours(2);
        fixture.Clock.SetUtcNow(seen.AddMinutes(10));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: high, contactedAt: seen));
        var read = await worker.GetFromJsonAsync<InvolvementResponse>($"/api/outreach/involvements/{involvement.Id}", OutreachFixture.Json);
        Assert.Equal((seen, seen + Fourteen), (read!.LastContactAt!.Value.Utc, read.NoContactAlertDueAt!.Value.Utc));

        fixture.Clock.SetUtcNow(seen + Fourteen - TimeSpan.FromTicks(1));
        await NoContactPass.RunAsync(fixture);
        Assert.Empty(await NoContactPass.AlertsAsync(fixture, involvement.Id));

        fixture.Clock.SetUtcNow(seen + Fourteen);
        await NoContactPass.RunAsync(fixture);
        await NoContactPass.RunAsync(fixture);
        var alert = Assert.Single(await NoContactPass.AlertsAsync(fixture, involvement.Id));
        Assert.Equal((seen, "ow-gap", RiskLevel.High), (alert.GapSince, alert.WorkerUserId, alert.RiskLevel));
        Assert.Contains(await worker.GetFromJsonAsync<List<NoContactAlertResponse>>("/api/outreach/my/alerts", OutreachFixture.Json) ?? [], a => a.Id == alert.Id);
        Assert.Contains(await manager.GetFromJsonAsync<List<NoContactAlertResponse>>("/api/outreach/alerts/no-contact", OutreachFixture.Json) ?? [], a => a.Id == alert.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/outreach/alerts/no-contact")).StatusCode);

        // Seen again: the gap closes; 14 more days without contact is a new gap and a second alert.
        var seenAgain = fixture.Now.AddDays(1);
        fixture.Clock.SetUtcNow(seenAgain);
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: high, contactedAt: seenAgain));
        Assert.True((await manager.GetFromJsonAsync<List<NoContactAlertResponse>>("/api/outreach/alerts/no-contact", OutreachFixture.Json))!
            .Single(a => a.Id == alert.Id).ContactSince);
        fixture.Clock.SetUtcNow(seenAgain + Fourteen);
        await NoContactPass.RunAsync(fixture);
        Assert.Equal([seen, seenAgain], (await NoContactPass.AlertsAsync(fixture, involvement.Id)).Select(a => a.GapSince));
        Assert.Empty(await NoContactPass.AlertsAsync(fixture, quiet.Id));
    }

    [Fact]
    public async Task With_no_contact_at_all_the_gap_runs_from_the_record_and_the_alert_goes_to_whoever_holds_the_involvement_then()
    {
        var person = await fixture.KnownYoungPersonAsync();
        await NoContactPass.RatedAsync(fixture, person, RiskLevel.VeryHigh);
        using var amy = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-amy-gap");
        var involvement = await InvolvementTests.StartAsync(amy, person, "2024-03-01");
        using var handed = await amy.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover", new { toWorkerUserId = "ow-ben-gap", reason = "Leave." });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);

        fixture.Clock.SetUtcNow(involvement.RecordedAt.Utc + Fourteen);
        await NoContactPass.RunAsync(fixture);

        var alert = Assert.Single(await NoContactPass.AlertsAsync(fixture, involvement.Id));
        Assert.Equal(("ow-ben-gap", involvement.RecordedAt.Utc, RiskLevel.VeryHigh), (alert.WorkerUserId, alert.GapSince, alert.RiskLevel));
    }

    [Fact]
    public async Task An_ended_involvement_raises_no_alert_and_a_contact_under_a_matched_alias_counts_as_contact()
    {
        var ended = await fixture.KnownYoungPersonAsync();
        var aliased = await fixture.KnownYoungPersonAsync("Jade Rowe");
        await NoContactPass.RatedAsync(fixture, ended, RiskLevel.High);
        await NoContactPass.RatedAsync(fixture, aliased, RiskLevel.High);
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-ended-gap");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-ended-gap");
        var closed = await InvolvementTests.StartAsync(worker, ended);
        (await manager.PostAsJsonAsync($"/api/outreach/involvements/{closed.Id}/end",
            new { reason = "Moved abroad with family.", youngPersonTold = true, youngPersonResponse = "Said goodbye." })).EnsureSuccessStatusCode();
        var open = await InvolvementTests.StartAsync(worker, aliased);
        var alias = await worker.AliasAsync("Jade");
        var start = fixture.Now;
        fixture.Clock.SetUtcNow(start.AddDays(10));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: alias.Id, contactedAt: fixture.Now));
        (await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", new { youngPersonId = aliased, reason = "Same girl." })).EnsureSuccessStatusCode();

        fixture.Clock.SetUtcNow(start + Fourteen);
        await NoContactPass.RunAsync(fixture);

        Assert.Empty(await NoContactPass.AlertsAsync(fixture, closed.Id));
        Assert.Empty(await NoContactPass.AlertsAsync(fixture, open.Id));
    }
}

/// <summary>14 days is elapsed time: across the spring clock change the alert falls due an hour later on the London clock.</summary>
public sealed class NoContactAlertClockChangeTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task Fourteen_days_across_the_change_to_summer_time_are_fourteen_times_24_hours()
    {
        var person = await fixture.KnownYoungPersonAsync();
        await NoContactPass.RatedAsync(fixture, person, RiskLevel.High);
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-bst");
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        var involvement = await InvolvementTests.StartAsync(worker, person, "2026-03-01");
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: person, contactedAt: "2026-03-20T12:00"));

        var read = await worker.GetFromJsonAsync<InvolvementResponse>($"/api/outreach/involvements/{involvement.Id}", OutreachFixture.Json);

        // Seen at 12:00 GMT on 20 March; the clocks go forward on 29 March: due at 13:00 BST on 3 April.
        var due = read!.NoContactAlertDueAt!.Value;
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 12, 0, 0, TimeSpan.Zero), due.Utc);
        Assert.Equal(("BST", 13, TimeSpan.FromHours(1)), (due.Zone, due.London.Hour, due.London.Offset));
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 11, 59, 59, TimeSpan.Zero));
        await NoContactPass.RunAsync(fixture);
        Assert.Empty(await NoContactPass.AlertsAsync(fixture, involvement.Id));
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 12, 0, 0, TimeSpan.Zero));
        await NoContactPass.RunAsync(fixture);
        Assert.Single(await NoContactPass.AlertsAsync(fixture, involvement.Id));
    }
}
