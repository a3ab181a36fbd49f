using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Missing.Domain;
using Support.Missing.Features.Alerts;
using Support.Missing.Features.Episodes;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Missing.Tests.Api;

/// <summary>COM-09 and issue 15 item 6: returns recorded after the fact, late entries flagged, dates checked against the birth.</summary>
public sealed class LateReturnTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<EpisodeResponse> ReturnedAsync(TimeSpan returnedAgo)
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now - returnedAgo - TimeSpan.FromHours(6)));
        return await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now - returnedAgo));
    }

    [Fact]
    public async Task A_return_recorded_24_hours_after_it_happened_is_in_time_and_a_second_later_is_flagged_late_with_the_clock_from_the_return()
    {
        var inTime = await ReturnedAsync(TimeSpan.FromHours(24));
        var late = await ReturnedAsync(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        Assert.False(inTime.Return!.RecordedLate);
        Assert.True(late.Return!.RecordedLate);
        Assert.Equal(late.Return.ReturnedAt.Utc.AddHours(72), late.ReturnInterview!.DueAt.Utc);
        Assert.False((await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == inTime.Id)).Single().RecordedLate);
        Assert.True((await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == late.Id)).Single().RecordedLate);
    }

    [Fact]
    public async Task A_young_person_last_seen_before_their_date_of_birth_gives_422_naming_lastSeenAt()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await fixture.KnownYoungPersonAsync(new DateOnly(2026, 1, 20));

        using var before = await worker.PostAsJsonAsync("/api/missing/episodes", MissingRequests.Report(person, new DateTimeOffset(2026, 1, 19, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Equal(["lastSeenAt"], await before.ErrorFieldsAsync());
        using var future = await worker.PostAsJsonAsync("/api/missing/episodes", MissingRequests.Report(person, fixture.Now.AddYears(20)));
        Assert.Equal(["lastSeenAt"], await future.ErrorFieldsAsync());

        // The day of the birth itself is a possible date (a baby taken from hospital).
        await worker.ReportAsync(MissingRequests.Report(person, new DateTimeOffset(2026, 1, 20, 0, 30, 0, TimeSpan.Zero)));
    }
}

/// <summary>LC-04: a care leaver reported missing alerts police liaison and the duty manager.</summary>
public sealed class CareLeaverMissingAlertTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<List<AlertEndpoints.AlertResponse>> AlertsAsync(HttpClient client, Guid person, bool all = false) =>
        (await client.GetFromJsonAsync<List<AlertEndpoints.AlertResponse>>($"/api/missing/alerts?youngPersonId={person}&includeAcknowledged={all}", MissingFixture.Json))!;

    [Fact]
    public async Task A_care_leaver_reported_missing_alerts_police_liaison_and_the_duty_manager_each_in_their_own_queue()
    {
        var careLeaver = await fixture.KnownYoungPersonAsync(new DateOnly(2006, 5, 1));
        using var worker = fixture.Host.ClientFor(Roles.PersonalAdviser);
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison);
        using var duty = fixture.Host.ClientFor(Roles.TeamManager);
        using var social = fixture.Host.ClientFor(Roles.SocialWorker);

        var episode = await worker.ReportAsync(MissingRequests.Report(careLeaver, fixture.Now.AddHours(-30), "LeavingCareAccommodation"));

        var policeAlert = Assert.Single(await AlertsAsync(police, careLeaver));
        Assert.Equal((AlertRecipient.PoliceLiaison, AlertReason.CareLeaverMissing, episode.Id), (policeAlert.Recipient, policeAlert.Reason, policeAlert.EpisodeId));
        var dutyAlert = Assert.Single(await AlertsAsync(duty, careLeaver));
        Assert.Equal(AlertRecipient.DutyManager, dutyAlert.Recipient);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/api/missing/alerts")).StatusCode);

        using (var wrongQueue = await police.PostAsync($"/api/missing/alerts/{dutyAlert.Id}/acknowledge", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongQueue.StatusCode);
        }
        using (var acknowledged = await police.PostAsync($"/api/missing/alerts/{policeAlert.Id}/acknowledge", null))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }
        using (var again = await police.PostAsync($"/api/missing/alerts/{policeAlert.Id}/acknowledge", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Empty(await AlertsAsync(police, careLeaver));
        Assert.True(Assert.Single(await AlertsAsync(police, careLeaver, all: true)).Acknowledged);
    }

    [Fact]
    public async Task A_child_missing_from_home_raises_no_care_leaver_alert()
    {
        var child = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison);
        await worker.ReportAsync(MissingRequests.Report(child, fixture.Now.AddHours(-3)));
        Assert.Empty(await AlertsAsync(police, child));
    }
}

/// <summary>MIS-02, MIS-03, MIS-04, INT-03: what a return-home interview's findings set in motion, and a police refusal that changes nothing.</summary>
public sealed class InterviewFindingsTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<(Guid Interview, DateTimeOffset ReturnedAt)> OfferedAsync()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-8)));
        var returnedAt = fixture.Now.AddHours(-2);
        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(returnedAt));
        await rhi.InterviewActionAsync(returned.ReturnInterview!.Id, "offer", new { offeredAt = fixture.Now.AddHours(-1) });
        return (returned.ReturnInterview.Id, returnedAt);
    }

    [Fact]
    public async Task Injuries_found_on_return_raise_one_critical_incident_and_findings_without_injuries_none()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var (injured, returnedAt) = await OfferedAsync();
        var (unhurt, _) = await OfferedAsync();
        var findings = MissingRequests.Findings(fixture.Now);
        findings["riskIndicators"] = new[] { "InjuriesOnReturn", "AlcoholOrDrugsSupplied" };

        var completed = await rhi.InterviewActionAsync(injured, "complete", findings);
        await rhi.InterviewActionAsync(unhurt, "complete", MissingRequests.Findings(fixture.Now));

        var incident = Assert.Single(await fixture.OutboxAsync<CriticalIncidentRaised>(m => m.YoungPersonId == completed.YoungPersonId));
        Assert.Equal((CriticalIncidentKind.InjuriesOnReturn, "missing", $"return-interview:{injured}", returnedAt),
            (incident.Kind, incident.SourceService, incident.SourceReference, incident.IncidentAt));
        Assert.Empty(await fixture.OutboxAsync<CriticalIncidentRaised>(m => m.SourceReference == $"return-interview:{unhurt}"));
    }

    [Fact]
    public async Task Named_adults_vehicles_and_places_are_proposed_as_links_and_disruption_options_keep_their_owner()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker, "rhi-7");
        var (id, _) = await OfferedAsync();
        var findings = MissingRequests.Findings(fixture.Now);
        findings["persons"] = new[] { "'Bash'", "Tariq from the takeaway", "'bash'" };
        findings["vehicles"] = new[] { "Silver Astra YX19 KLM" };
        findings["places"] = new[] { "Flat above Wellgate takeaway" };
        findings["disruptionOptions"] = new[]
        {
            new { tool = "LicensingAction", decision = "Considered", owner = "licensing-1", rationale = "Driver drops her off; check his badge." },
            new { tool = "AbductionNotice", decision = "Pursued", owner = "police-liaison-2", rationale = "Adult male over 18 harbouring her." },
        };

        var completed = await rhi.InterviewActionAsync(id, "complete", findings);

        Assert.Equal(["'Bash'", "Tariq from the takeaway"], completed.ProposedLinks.Persons);
        // Options recorded together are listed in the order of the tools (DisruptionTool), whatever order they were sent in.
        Assert.Equal([DisruptionTool.AbductionNotice, DisruptionTool.LicensingAction], completed.DisruptionOptions.Select(o => o.Tool));
        Assert.Equal(("police-liaison-2", DisruptionDecision.Pursued, "rhi-7"), (completed.DisruptionOptions[0].Owner, completed.DisruptionOptions[0].Decision, completed.DisruptionOptions[0].Recorded.By));
        var proposed = Assert.Single(await fixture.OutboxAsync<ReturnInterviewLinksProposed>(m => m.InterviewId == id));
        Assert.Equal((2, 1, 1, "SafeguardingOverride"), (proposed.Persons.Count, proposed.Vehicles.Count, proposed.Places.Count, proposed.SharingBasis));
        using var reader = fixture.Host.ClientFor(Roles.SocialWorker);
        var read = (await reader.GetFromJsonAsync<ReturnInterviewResponse>($"/api/missing/return-interviews/{id}", MissingFixture.Json))!;
        Assert.Equal(2, read.DisruptionOptions.Count);
    }

    [Fact]
    public async Task A_disruption_option_without_an_owner_gives_400_naming_it_and_nothing_is_stored()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var (id, _) = await OfferedAsync();
        var findings = MissingRequests.Findings(fixture.Now);
        findings["disruptionOptions"] = new[] { new { tool = "CivilInjunction", decision = "Considered", owner = " ", rationale = "Over 18." } };

        using var response = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", findings);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["disruptionOptions[0].owner"], await response.ErrorFieldsAsync());
        using var reader = fixture.Host.ClientFor(Roles.SocialWorker);
        Assert.Equal(ReturnInterviewStatus.Offered, (await reader.GetFromJsonAsync<ReturnInterviewResponse>($"/api/missing/return-interviews/{id}", MissingFixture.Json))!.Status);
    }
}

/// <summary>MIS-02, Casey-Y: the police refusing to interview never cancels the return-home interview.</summary>
public sealed class PoliceRefusalTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    [Fact]
    public async Task A_police_refusal_is_recorded_once_and_the_interview_stays_due_and_goes_overdue_on_time()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pl-1");
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-8)));
        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now.AddHours(-2)));
        var id = returned.ReturnInterview!.Id;

        using (var early = await police.PostAsJsonAsync($"/api/missing/return-interviews/{id}/police-refusal", new { refusedAt = fixture.Now.AddHours(-3), reason = "Logged as intelligence." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Equal(["refusedAt"], await early.ErrorFieldsAsync());
        }
        var refused = await police.InterviewActionAsync(id, "police-refusal", new { refusedAt = fixture.Now, reason = "It would all be logged as intelligence." });

        Assert.Equal(ReturnInterviewStatus.Due, refused.Status);
        Assert.Equal(returned.ReturnInterview.DueAt, refused.DueAt);
        Assert.Equal(("It would all be logged as intelligence.", "pl-1"), (refused.PoliceRefusal!.Reason, refused.PoliceRefusal.Recorded.By));
        using (var again = await police.PostAsJsonAsync($"/api/missing/return-interviews/{id}/police-refusal", new { refusedAt = fixture.Now, reason = "Again." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        fixture.Clock.SetUtcNow(refused.DueAt.Utc.AddTicks(1));
        await fixture.Host.Services.GetRequiredService<ReturnInterviewOverdueJob>().RunOnceAsync(CancellationToken.None);
        // The hosted job also wakes on the clock's move and may hold the claim while the pass above skips it.
        await Eventually.TrueAsync(async () => (await fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == id)).Count == 1,
            because: "the interview to be announced overdue despite the police refusal");
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
    }
}

/// <summary>MIS-04: 3 episodes within 30 days (parameters) ask a manager to decide on a strategy meeting, once per crossing.</summary>
public sealed class StrategyDecisionPatternTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task EpisodeAsync(HttpClient worker, Guid person, DateTimeOffset lastSeenAt)
    {
        var episode = await worker.ReportAsync(MissingRequests.Report(person, lastSeenAt));
        await worker.ReturnAsync(episode.Id, MissingRequests.Return(lastSeenAt.AddHours(5)));
    }

    [Fact]
    public async Task The_third_episode_exactly_30_days_after_the_first_asks_for_a_decision_and_a_second_later_does_not()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var within = await fixture.KnownYoungPersonAsync();
        var outside = await fixture.KnownYoungPersonAsync();
        var first = fixture.Now.AddDays(-40);

        await EpisodeAsync(worker, within, first);
        await EpisodeAsync(worker, within, first.AddDays(10));
        await EpisodeAsync(worker, within, first.AddDays(30));
        await EpisodeAsync(worker, within, first.AddDays(31)); // the same run: not announced again

        await EpisodeAsync(worker, outside, first);
        await EpisodeAsync(worker, outside, first.AddDays(10));
        await EpisodeAsync(worker, outside, first.AddDays(30).AddSeconds(1));

        var requested = Assert.Single(await fixture.OutboxAsync<StrategyMeetingDecisionRequested>(m => m.YoungPersonId == within));
        Assert.Equal((3, 3, 30), (requested.EpisodeIds.Count, requested.Threshold, requested.WindowDays));
        Assert.Empty(await fixture.OutboxAsync<StrategyMeetingDecisionRequested>(m => m.YoungPersonId == outside));
        // Part I's own rule (3 in 90 days) still opens a risk review for both.
        Assert.Single(await fixture.OutboxAsync<RepeatMissingDetected>(m => m.YoungPersonId == outside));
    }
}
