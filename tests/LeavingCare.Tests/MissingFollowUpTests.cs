using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Missing;
using Support.Contracts.Registry;
using Support.LeavingCare.Domain;
using Support.LeavingCare.Features.MissingFollowUp;
using Support.Testing;

namespace Support.LeavingCare.Tests;

/// <summary>
/// LC-04 (Casey-K18: "Leaving care services do not follow through"): a care leaver reported missing gives the adviser
/// follow-up tasks due within 24 hours, and the record cannot be closed as "lost contact" while the episode is open, as
/// learnt from Missing's events alone. Issue 15 item 6: dates checked against the date of birth.
/// </summary>
public sealed class MissingFollowUpTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    private async Task<(Guid Id, HttpClient Manager, HttpClient Adviser)> CareLeaverAsync(string adviserUser)
    {
        var manager = fixture.Client("TeamManager", "lc-fu-manager");
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-19));
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = id, lookedAfter = true })).StatusCode);
        await Api.AllocateAsync(manager, id, await Api.RegisterAdviserAsync(manager, adviserUser));
        return (id, manager, fixture.Client("PersonalAdviser", adviserUser));
    }

    private async Task<MissingEpisodeReported> ReportedAsync(Guid id, MissingFrom from = MissingFrom.LeavingCareAccommodation)
    {
        var reported = new MissingEpisodeReported
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = id, MissingFrom = from, LastSeenAt = fixture.Now.AddDays(-3),
            ReportedAt = fixture.Now.AddMinutes(-5), OccurredAt = fixture.Now.AddMinutes(-5),
        };
        await fixture.PublishAsync(reported);
        return reported;
    }

    private static async Task<List<MissingFollowUpEndpoints.FollowUpTaskResponse>> TasksAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<List<MissingFollowUpEndpoints.FollowUpTaskResponse>>($"/api/leavingcare/follow-up-tasks?youngPersonId={id}", LeavingCareFixture.Json))!;

    [Fact]
    public async Task A_care_leaver_reported_missing_gives_their_adviser_follow_up_tasks_due_24_hours_after_the_report_once()
    {
        var (id, manager, adviser) = await CareLeaverAsync("pa-fu-1");
        var reported = await ReportedAsync(id);
        await fixture.PublishAsync(reported); // delivered again: no second set

        var tasks = await Eventually.GetAsync(async () => await TasksAsync(adviser, id) is { Count: > 0 } list ? list : null, because: "the follow-up tasks");
        Assert.Equal(Enum.GetValues<FollowUpStep>(), tasks.Select(t => t.Step).Order());
        Assert.All(tasks, t => Assert.Equal(("pa-fu-1", reported.ReportedAt.AddHours(24), reported.EpisodeId), (t.AssignedTo, t.DueAt.Utc, t.EpisodeId)));
        using var stranger = fixture.Client("PersonalAdviser", "pa-fu-stranger");
        Assert.Empty(await TasksAsync(stranger, id));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/leavingcare/follow-up-tasks/{tasks[0].Id}/complete", new { note = "x" })).StatusCode);

        using (var done = await adviser.PostAsJsonAsync($"/api/leavingcare/follow-up-tasks/{tasks[0].Id}/complete", new { note = "Called police liaison with her friends' names." }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await adviser.PostAsJsonAsync($"/api/leavingcare/follow-up-tasks/{tasks[0].Id}/complete", new { note = "again" })).StatusCode);
        await Eventually.TrueAsync(async () => (await TasksAsync(manager, id)).Count == tasks.Count - 1, because: "the completed task to leave the open list");
        // Missing from home (not a care leaver's accommodation): no follow-up tasks.
        await fixture.PublishAsync(reported with { EpisodeId = Guid.NewGuid(), MissingFrom = MissingFrom.Home });
        Assert.Equal(tasks.Count - 1, (await TasksAsync(manager, id)).Count);
    }

    [Fact]
    public async Task Lost_contact_is_refused_while_an_episode_is_open_and_accepted_once_the_return_is_announced()
    {
        var (id, manager, _) = await CareLeaverAsync("pa-fu-2");
        var reported = await ReportedAsync(id);
        await Eventually.TrueAsync(async () => (await TasksAsync(manager, id)).Count > 0, because: "the report to reach Leaving Care");
        var closure = new { reason = "LostContact", youngPersonsViews = "Not known: she could not be asked.", rationale = "No contact for 3 months." };

        using (var refused = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/closure", closure))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(reported.EpisodeId, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openEpisodeId").GetGuid());
        }

        await fixture.PublishAsync(new YoungPersonReturned
        {
            EpisodeId = reported.EpisodeId, YoungPersonId = id, ReturnedAt = fixture.Now, InterviewId = Guid.NewGuid(),
            InterviewDueAt = fixture.Now.AddHours(72), OccurredAt = fixture.Now,
        });
        await Eventually.TrueAsync(async () =>
        {
            using var response = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/closure", closure);
            return response.StatusCode == HttpStatusCode.Created;
        }, because: "the return to reopen the way to a lost-contact closure");
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/closure", closure)).StatusCode);
        // Issue 16 item 4: her views on the closure go to her record in Referrals, once.
        var views = Assert.Single(await fixture.OutboxAsync<YoungPersonsWordsRecorded>(w => w.YoungPersonId == id && w.Source == "Closing leaving-care support"));
        Assert.Equal("Not known: she could not be asked.", views.Words);
        using var adviser = fixture.Client("PersonalAdviser", "pa-fu-2");
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/closure", closure)).StatusCode);
    }

    [Fact]
    public async Task A_closure_without_the_young_persons_views_is_400_naming_it()
    {
        var (id, manager, _) = await CareLeaverAsync("pa-fu-3");
        using var response = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/closure", new { reason = "DeclinedFurtherSupport", rationale = "She said no." });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["youngPersonsViews"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_contact_before_the_date_of_birth_or_in_the_future_is_422_naming_occurredAt()
    {
        var (id, _, adviser) = await CareLeaverAsync("pa-fu-4");
        using var before = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now.AddYears(-20), outcome = "Contacted", method = "Visit" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Equal(["occurredAt"], await before.ErrorFieldsAsync());
        using var future = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now.AddYears(30), outcome = "Contacted", method = "Visit" });
        Assert.Equal(["occurredAt"], await future.ErrorFieldsAsync());
        using var review = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/pathway-plan-reviews", new { reviewedOn = fixture.Today.AddYears(-20) });
        Assert.Equal(["reviewedOn"], await review.ErrorFieldsAsync());
    }
}
