using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Incidents;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.CriticalIncidents;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-22 (Imray §4.7: "no obvious references to senior managers being alerted"): a critical incident reaches the
/// senior-manager queue with an acknowledgement deadline, is acknowledged once, and escalates once when nobody
/// acknowledges it in time.
/// </summary>
public sealed class CriticalIncidentTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static object Incident(Guid youngPersonId, DateTimeOffset incidentAt, string kind = "OverdoseOrSelfHarmAdmission") =>
        new { youngPersonId, kind, incidentAt, summary = "Admitted to A&E after taking tablets at the children's home." };

    private async Task<CriticalIncidentResponse> RecordAsync(HttpClient worker, Guid child, string kind = "OverdoseOrSelfHarmAdmission")
    {
        using var response = await worker.PostAsJsonAsync("/api/referrals/critical-incidents", Incident(child, fixture.Clock.GetUtcNow().AddHours(-2), kind));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CriticalIncidentResponse>();
    }

    private async Task<List<CriticalIncidentAcknowledgementOverdue>> EscalatedAsync(Guid incidentId) =>
        await fixture.OutboxAsync<CriticalIncidentAcknowledgementOverdue>(m => m.IncidentId == incidentId);

    [Fact]
    public async Task A_recorded_incident_is_in_the_senior_manager_queue_due_24_elapsed_hours_after_it_was_raised_and_announced()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "senior-1");
        var child = await worker.RegisteredChildAsync("Incident");
        var now = fixture.Clock.GetUtcNow();

        var incident = await RecordAsync(worker, child);

        Assert.Equal(now.AddHours(24), incident.AcknowledgeBy.Utc);
        Assert.Equal(now, incident.RaisedAt.Utc);
        Assert.False(incident.Overdue);
        var queue = (await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>($"/api/referrals/critical-incidents?youngPersonId={child}", YoungPersonRequests.Json))!;
        Assert.Equal(incident.Id, Assert.Single(queue).Id);
        var raised = Assert.Single(await fixture.OutboxAsync<CriticalIncidentRaised>(m => m.IncidentId == incident.Id));
        Assert.Equal((child, CriticalIncidentKind.OverdoseOrSelfHarmAdmission, "referrals"), (raised.YoungPersonId, raised.Kind, raised.SourceService));
    }

    [Fact]
    public async Task Only_a_senior_manager_reads_the_queue_or_acknowledges()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var team = fixture.Host.ClientFor(Roles.TeamManager);
        var incident = await RecordAsync(worker, await worker.RegisteredChildAsync("Roles"));

        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/referrals/critical-incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/referrals/critical-incidents/{incident.Id}")).StatusCode);
        using var acknowledged = await team.PostAsJsonAsync($"/api/referrals/critical-incidents/{incident.Id}/acknowledge", new { note = "Seen" });
        Assert.Equal(HttpStatusCode.Forbidden, acknowledged.StatusCode);
        using var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/referrals/critical-incidents")).StatusCode);
    }

    [Fact]
    public async Task An_incident_is_acknowledged_once_and_then_leaves_the_open_queue()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "senior-2");
        var child = await worker.RegisteredChildAsync("Ack");
        var incident = await RecordAsync(worker, child, "ThreatToKillOrWeapon");

        using var first = await senior.PostAsJsonAsync($"/api/referrals/critical-incidents/{incident.Id}/acknowledge", new { note = "Strategy discussion today." });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var acknowledged = await first.ReadAsync<CriticalIncidentResponse>();
        Assert.Equal(("senior-2", "SeniorManager", false), (acknowledged.Acknowledgement!.AcknowledgedBy, acknowledged.Acknowledgement.AcknowledgedByRole, acknowledged.Acknowledgement.Late));
        using var second = await senior.PostAsJsonAsync($"/api/referrals/critical-incidents/{incident.Id}/acknowledge", new { note = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var open = (await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>($"/api/referrals/critical-incidents?youngPersonId={child}", YoungPersonRequests.Json))!;
        Assert.Empty(open);
        var all = (await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>($"/api/referrals/critical-incidents?youngPersonId={child}&status=all", YoungPersonRequests.Json))!;
        Assert.Equal("Strategy discussion today.", Assert.Single(all).Acknowledgement!.Note);
        Assert.Single(await fixture.OutboxAsync<CriticalIncidentAcknowledged>(m => m.IncidentId == incident.Id && !m.Late));
    }

    [Fact]
    public async Task Nobody_acknowledging_by_the_deadline_escalates_once_just_after_it_and_a_late_acknowledgement_is_marked_late()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager);
        var late = await RecordAsync(worker, await worker.RegisteredChildAsync("Late"));
        var inTime = await RecordAsync(worker, await worker.RegisteredChildAsync("InTime"));
        using (var acknowledged = await senior.PostAsJsonAsync($"/api/referrals/critical-incidents/{inTime.Id}/acknowledge", new { note = "Seen." }))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }
        var job = fixture.Host.Services.GetRequiredService<CriticalIncidentEscalationJob>();

        fixture.MoveClockTo(late.AcknowledgeBy.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await EscalatedAsync(late.Id));

        // One microsecond, the resolution PostgreSQL stores instants in, after the deadline.
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await EscalatedAsync(late.Id)).Count == 1, because: "the missed acknowledgement to be escalated");
        await job.RunOnceAsync(CancellationToken.None);
        var escalation = Assert.Single(await EscalatedAsync(late.Id));
        Assert.Equal(late.AcknowledgeBy.Utc, escalation.AcknowledgeBy);
        Assert.Empty(await EscalatedAsync(inTime.Id));

        var overdue = (await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>("/api/referrals/critical-incidents?status=overdue", YoungPersonRequests.Json))!;
        var shown = Assert.Single(overdue, i => i.Id == late.Id);
        Assert.True(shown.Overdue && shown.Escalated);
        using var acknowledgedLate = await senior.PostAsJsonAsync($"/api/referrals/critical-incidents/{late.Id}/acknowledge", new { note = "Sorry, seen now." });
        Assert.True((await acknowledgedLate.ReadAsync<CriticalIncidentResponse>()).Acknowledgement!.Late);
    }

    [Fact]
    public async Task An_incident_before_the_date_of_birth_in_the_future_or_a_pregnancy_under_16_at_16_is_refused_naming_the_field()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var fifteen = await worker.RegisteredChildAsync("Fifteen"); // born 2011-03-14
        var sixteen = (await worker.RegisterAsync(YoungPersonRequests.Valid("Jade", "Sixteen" + Guid.NewGuid().ToString("N")[..6], "2010-05-14"))).Id;
        var now = fixture.Clock.GetUtcNow();

        async Task<IReadOnlyList<string>> RefusedAsync(object body)
        {
            using var response = await worker.PostAsJsonAsync("/api/referrals/critical-incidents", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.ErrorFieldsAsync();
        }

        Assert.Equal(["incidentAt"], await RefusedAsync(Incident(fifteen, new DateTimeOffset(2011, 3, 13, 12, 0, 0, TimeSpan.Zero))));
        Assert.Equal(["incidentAt"], await RefusedAsync(Incident(fifteen, now.AddMinutes(6))));
        Assert.Equal(["kind"], await RefusedAsync(Incident(sixteen, now.AddHours(-1), "PregnancyUnder16")));
        Assert.Equal(["youngPersonId"], await RefusedAsync(Incident(Guid.NewGuid(), now.AddHours(-1))));
        using var young = await worker.PostAsJsonAsync("/api/referrals/critical-incidents", Incident(fifteen, now.AddHours(-1), "PregnancyUnder16"));
        Assert.Equal(HttpStatusCode.Created, young.StatusCode);
        using var missing = await worker.PostAsJsonAsync("/api/referrals/critical-incidents", new { youngPersonId = fifteen, kind = "PregnancyUnder16" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["incidentAt", "summary"], (await missing.ErrorFieldsAsync()).Order());
    }
}

/// <summary>REF-22: the acknowledgement deadline, in elapsed hours or on the working-day calendar, at its edges.</summary>
public sealed class AcknowledgementDeadlineTests
{
    [Fact]
    public void Hours_are_elapsed_across_the_autumn_clock_change()
    {
        // Saturday 24 October 2026 12:00 BST; the clocks go back at 02:00 on Sunday.
        var raised = new DateTimeOffset(2026, 10, 24, 11, 0, 0, TimeSpan.Zero);
        var due = new AcknowledgementDeadline(24, DeadlineUnit.Hours).From(raised);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 11, 0, 0, TimeSpan.Zero), due);
        Assert.Equal("2026-10-25 11:00 +00:00 GMT", Support.ServiceDefaults.Time.LondonTime.Of(due).Shown());
    }

    [Fact]
    public void Hours_are_elapsed_across_the_spring_clock_change()
    {
        // Saturday 27 March 2027 12:00 GMT; the clocks go forward at 01:00 on Sunday.
        var raised = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);
        var due = new AcknowledgementDeadline(24, DeadlineUnit.Hours).From(raised);
        Assert.Equal("2027-03-28 13:00 +01:00 BST", Support.ServiceDefaults.Time.LondonTime.Of(due).Shown());
    }

    [Fact]
    public void A_working_day_from_friday_afternoon_is_monday_afternoon()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), new AcknowledgementDeadline(1, DeadlineUnit.WorkingDays).From(friday));
    }

    [Fact]
    public void A_working_day_from_christmas_eve_skips_christmas_and_the_substitute_boxing_day()
    {
        // 2026: Christmas Day is a Friday, Boxing Day a Saturday, so Monday 28 December is the substitute holiday.
        var christmasEve = new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.Zero), new AcknowledgementDeadline(1, DeadlineUnit.WorkingDays).From(christmasEve));
    }

    [Fact]
    public void A_working_day_across_easter_and_the_spring_clock_change_keeps_the_london_time_of_day()
    {
        // Thursday 25 March 2027 10:00 GMT; Good Friday (26th), the weekend with the clock change (28th) and Easter
        // Monday (29th) are not working days, so it is due Tuesday 30 March 10:00 BST, 09:00 UTC.
        var thursday = new DateTimeOffset(2027, 3, 25, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 9, 0, 0, TimeSpan.Zero), new AcknowledgementDeadline(1, DeadlineUnit.WorkingDays).From(thursday));
    }

    [Fact]
    public void The_deadline_instant_itself_is_in_time_and_one_tick_later_is_overdue()
    {
        var deadline = new AcknowledgementDeadline(24, DeadlineUnit.Hours);
        var raised = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var incident = CriticalIncident.Raise(Guid.NewGuid(), Guid.NewGuid(), CriticalIncidentKind.ThreatToKillOrWeapon, "referrals", "x:1",
            raised, raised, deadline, null, new Author("u", Roles.SocialWorker, raised));
        Assert.False(incident.IsOverdueAt(raised.AddHours(24), acknowledged: false));
        Assert.True(incident.IsOverdueAt(raised.AddHours(24).AddTicks(1), acknowledged: false));
        Assert.False(incident.IsOverdueAt(raised.AddHours(48), acknowledged: true));
    }
}
