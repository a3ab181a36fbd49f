using System.Net.Http.Json;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Referrals.Domain;
using Support.Referrals.Features.CriticalIncidents;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.RiskReviews;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-22, MIS-04, LC-04 over the real broker: an incident raised by another service joins the senior-manager queue
/// once, and a care leaver reported missing makes a risk review due within 24 hours.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class CriticalIncidentQueueTests() : RealBusReferralsTests("referrals-incidents")
{
    [Fact]
    public async Task Injuries_found_by_the_missing_service_join_the_queue_once_due_24_hours_after_they_were_raised()
    {
        var person = Guid.NewGuid();
        var raisedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        var message = new CriticalIncidentRaised
        {
            IncidentId = Guid.NewGuid(), YoungPersonId = person, Kind = CriticalIncidentKind.InjuriesOnReturn, SourceService = "missing",
            SourceReference = $"return-interview:{Guid.NewGuid()}", IncidentAt = raisedAt.AddHours(-5), OccurredAt = raisedAt,
        };
        var first = Guid.NewGuid();
        var resent = Guid.NewGuid();
        await Bus.PublishAsync(message, first);
        // The same finding re-sent later, once the first has been handled (sent together, either may arrive first).
        await Consumed.WaitForAsync("referrals-queue-critical-incident", first);
        await Bus.PublishAsync(message with { IncidentId = Guid.NewGuid() }, resent);

        using var senior = Host.ClientFor(Roles.SeniorManager);
        var queue = await Eventually.GetAsync(async () =>
            await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>($"/api/referrals/critical-incidents?youngPersonId={person}", YoungPersonRequests.Json) is { Count: > 0 } list ? list : null,
            because: "the incident to reach the senior-manager queue");
        var incident = Assert.Single(queue);
        Assert.Equal((message.IncidentId, CriticalIncidentKind.InjuriesOnReturn, "missing"), (incident.Id, incident.Kind, incident.SourceService));
        Assert.Equal(raisedAt.AddHours(24), incident.AcknowledgeBy.Utc);
        await Consumed.WaitForAsync("referrals-queue-critical-incident", resent);
        var again = await senior.GetFromJsonAsync<List<CriticalIncidentResponse>>($"/api/referrals/critical-incidents?youngPersonId={person}&status=all", YoungPersonRequests.Json);
        Assert.Single(again!);
    }

    [Fact]
    public async Task A_care_leaver_reported_missing_makes_a_risk_review_due_within_24_hours_and_a_child_missing_from_home_does_not()
    {
        var careLeaver = Guid.NewGuid();
        var child = Guid.NewGuid();
        // Friday 16:00: five working days would be the next Friday; the care leaver's review is due Saturday 16:00.
        var reportedAt = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        MissingEpisodeReported Reported(Guid person, MissingFrom from) => new()
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = person, MissingFrom = from, LastSeenAt = reportedAt.AddDays(-2), ReportedAt = reportedAt, OccurredAt = reportedAt,
        };
        var episode = Reported(careLeaver, MissingFrom.LeavingCareAccommodation);
        Guid[] reports = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await Bus.PublishAsync(episode, reports[0]);
        await Bus.PublishAsync(episode, reports[1]);
        await Bus.PublishAsync(Reported(child, MissingFrom.Home), reports[2]);

        using var worker = Host.ClientFor(Roles.SocialWorker);
        var reviews = await Eventually.GetAsync(async () =>
            await worker.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={careLeaver}", YoungPersonRequests.Json) is { Count: > 0 } list ? list : null,
            because: "a risk review to open for the missing care leaver");
        var review = Assert.Single(reviews);
        Assert.Equal(RiskReviewTrigger.CareLeaverMissing, review.Trigger);
        Assert.Equal(reportedAt.AddHours(24), review.DueAt.Utc);
        foreach (var report in reports)
        {
            await Consumed.WaitForAsync("referrals-open-risk-review-on-care-leaver-missing", report);
        }
        Assert.Single((await worker.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={careLeaver}", YoungPersonRequests.Json))!);
        Assert.Empty((await worker.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={child}", YoungPersonRequests.Json))!);
    }

    [Fact]
    public async Task A_pattern_of_missing_episodes_puts_one_strategy_meeting_decision_on_the_managers_list()
    {
        var person = Guid.NewGuid();
        var request = new StrategyMeetingDecisionRequested
        {
            YoungPersonId = person, EpisodeIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], Threshold = 3, WindowDays = 30,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var copy = Guid.NewGuid();
        await Bus.PublishAsync(request, Guid.NewGuid());
        await Bus.PublishAsync(request, copy); // re-sent: still one task

        using var manager = Host.ClientFor(Roles.TeamManager);
        var tasks = await Eventually.GetAsync(async () =>
            await manager.GetFromJsonAsync<List<ManagerTaskResponse>>($"/api/referrals/manager-tasks?youngPersonId={person}", YoungPersonRequests.Json) is { Count: > 0 } list ? list : null,
            because: "a manager task to decide on a strategy meeting");
        var task = Assert.Single(tasks);
        Assert.Equal((ManagerTaskKind.StrategyMeetingDecision, request.EpisodeIds[^1]), (task.Kind, task.SourceId));
        await Consumed.WaitForAsync("referrals-strategy-decision-task-on-missing-pattern", copy);
        Assert.Single((await manager.GetFromJsonAsync<List<ManagerTaskResponse>>($"/api/referrals/manager-tasks?youngPersonId={person}", YoungPersonRequests.Json))!);
        using var completed = await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = "Strategy meeting on Thursday." });
        Assert.Equal(System.Net.HttpStatusCode.OK, completed.StatusCode);
    }
}
