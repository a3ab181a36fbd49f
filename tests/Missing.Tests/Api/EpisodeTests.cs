using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Missing.Domain;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>MIS-01, MIS-06: reporting a young person missing and recording their return.</summary>
public sealed class EpisodeTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    [Fact]
    public async Task A_report_and_a_return_are_stored_signed_and_announced_through_the_outbox()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-report");
        var reportedAt = fixture.Now;
        var lastSeenAt = reportedAt.AddHours(-3);

        var episode = await worker.ReportAsync(MissingRequests.Report(person, lastSeenAt, "Care"));

        Assert.Equal(person, episode.YoungPersonId);
        Assert.Equal(MissingFrom.Care, episode.MissingFrom);
        Assert.Equal(lastSeenAt, episode.LastSeenAt.Utc);
        Assert.Equal("Mother (by phone)", episode.ReportedBy);
        Assert.Equal(true, episode.PlacementInformed);
        Assert.Equal(Support.Missing.Features.Signature.Of(reportedAt, "sw-report", Roles.SocialWorker), episode.Recorded);
        Assert.Null(episode.Return);
        var reported = Assert.Single(await fixture.OutboxAsync<MissingEpisodeReported>(m => m.EpisodeId == episode.Id));
        Assert.Equal(person, reported.YoungPersonId);
        Assert.Equal(MissingFrom.Care, reported.MissingFrom);
        Assert.Equal(lastSeenAt, reported.LastSeenAt);
        Assert.Equal(reportedAt, reported.ReportedAt);

        fixture.Clock.Advance(TimeSpan.FromHours(5));
        using var other = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-return");
        var returnedAt = fixture.Now.AddMinutes(-30);
        using var response = await other.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", MissingRequests.Return(returnedAt));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var returned = await response.ReadAsync<EpisodeResponse>();
        var interview = returned.ReturnInterview!;
        Assert.Equal($"/api/missing/return-interviews/{interview.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(returnedAt, returned.Return!.ReturnedAt.Utc);
        Assert.Equal("Dropped off by a private-hire taxi, plate RB61 XYZ", returned.Return.HowReturned);
        Assert.Equal(Support.Missing.Features.Signature.Of(fixture.Now, "pc-return", Roles.PoliceLiaison), returned.Return.Recorded);
        Assert.Equal(returnedAt.AddHours(72), interview.DueAt.Utc);
        Assert.Equal(ReturnInterviewStatus.Due, interview.Status);
        var announced = Assert.Single(await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == episode.Id));
        Assert.Equal(person, announced.YoungPersonId);
        Assert.Equal(interview.Id, announced.InterviewId);
        Assert.Equal(returnedAt, announced.ReturnedAt);
        Assert.Equal(returnedAt.AddHours(72), announced.InterviewDueAt);
        // The original report is untouched by the return.
        using var reader = fixture.Host.ClientFor(Roles.TeamManager);
        var read = await reader.GetFromJsonAsync<EpisodeResponse>($"/api/missing/episodes/{episode.Id}", MissingFixture.Json);
        Assert.Equal(episode.Recorded, read!.Recorded);
        Assert.Equal(returned.Return, read.Return);
    }

    [Fact]
    public async Task Missing_fields_give_400_naming_each_field_and_nothing_is_stored()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes", new { missingFrom = "Care", believedWith = new string('x', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await response.ErrorFieldsAsync();
        Assert.Equal(
            ["believedWith", "circumstances", "lastSeenAt", "lastSeenLocation", "placementInformed", "reportedBy", "youngPersonId"],
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unreadable_value_gives_400_naming_the_field()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-1));
        body["missingFrom"] = "Nowhere";

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("missingFrom", await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_young_person_unknown_to_the_service_gives_422_naming_youngPersonId()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var unknown = Guid.NewGuid();

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes", MissingRequests.Report(unknown, fixture.Now.AddHours(-1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["youngPersonId"], await response.ErrorFieldsAsync());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Episodes.AnyAsync(e => e.YoungPersonId == unknown));
        Assert.Empty(await fixture.OutboxAsync<MissingEpisodeReported>(m => m.YoungPersonId == unknown));
    }

    [Fact]
    public async Task A_last_seen_time_in_the_future_gives_422_naming_lastSeenAt()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes",
            MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(2)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["lastSeenAt"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData(18)]
    [InlineData(24)]
    [InlineData(25)]
    public async Task Age_never_stops_a_report_so_care_leavers_are_reported_too(int age)
    {
        var dateOfBirth = DateOnly.FromDateTime(fixture.Now.UtcDateTime).AddYears(-age).AddDays(-1);
        var person = await fixture.KnownYoungPersonAsync(dateOfBirth);
        using var adviser = fixture.Host.ClientFor(Roles.PersonalAdviser);

        var episode = await adviser.ReportAsync(MissingRequests.Report(person, fixture.Now.AddDays(-1), "LeavingCareAccommodation"));

        Assert.Equal(MissingFrom.LeavingCareAccommodation, episode.MissingFrom);
    }

    [Fact]
    public async Task Missing_from_care_needs_to_say_whether_the_placement_was_told()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-1), "Care");
        body["placementInformed"] = null;

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["placementInformed"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_second_report_while_the_young_person_is_still_missing_gives_409_pointing_at_the_open_episode()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var open = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-2)));

        using var response = await worker.PostAsJsonAsync("/api/missing/episodes", MissingRequests.Report(person, fixture.Now.AddHours(-1)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(open.Id.ToString(), (await response.ProblemAsync()).GetProperty("openEpisodeId").GetString());
        Assert.Single(await fixture.OutboxAsync<MissingEpisodeReported>(m => m.YoungPersonId == person));
    }

    [Fact]
    public async Task A_return_before_the_young_person_was_last_seen_gives_422_naming_returnedAt_and_changes_nothing()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));

        using var response = await worker.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", MissingRequests.Return(fixture.Now.AddHours(-5)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["returnedAt"], await response.ErrorFieldsAsync());
        await AssertStillOpenAsync(episode.Id);
    }

    [Fact]
    public async Task A_return_before_the_episode_was_reported_is_accepted_with_the_interview_due_72_hours_after_the_return()
    {
        // COM-09: recorded after the fact. The young person was back an hour before anyone reported them missing.
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));
        var returnedAt = fixture.Now.AddHours(-1);

        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(returnedAt));

        Assert.True(returned.Return!.ReturnedBeforeReported);
        Assert.False(returned.Return.RecordedLate);
        Assert.Equal(returnedAt.AddHours(72), returned.ReturnInterview!.DueAt.Utc);
    }

    [Fact]
    public async Task A_return_in_the_future_gives_422_naming_returnedAt()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));

        using var response = await worker.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", MissingRequests.Return(fixture.Now.AddHours(1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["returnedAt"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_return_without_its_fields_gives_400_naming_them()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));

        using var response = await worker.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", new { foundWith = "Friend" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["howReturned", "returnedAt", "whereFound"], (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
        await AssertStillOpenAsync(episode.Id);
    }

    [Fact]
    public async Task A_second_return_for_the_same_episode_gives_409_and_keeps_the_first()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));
        var first = await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));

        using var response = await worker.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", MissingRequests.Return(fixture.Now));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = fixture.CreateDbContext();
        var interview = Assert.Single(await db.ReturnInterviews.Where(i => i.EpisodeId == episode.Id).ToListAsync());
        Assert.Equal(first.ReturnInterview!.Id, interview.Id);
        Assert.Single(await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == episode.Id));
    }

    [Fact]
    public async Task Two_returns_recorded_at_the_same_moment_store_one_return_and_one_interview()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            worker.PostAsJsonAsync($"/api/missing/episodes/{episode.Id}/return", MissingRequests.Return(fixture.Now))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = fixture.CreateDbContext();
        Assert.Single(await db.ReturnInterviews.Where(i => i.EpisodeId == episode.Id).ToListAsync());
        Assert.Single(await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == episode.Id));
    }

    [Fact]
    public async Task A_return_for_an_unknown_episode_gives_404()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.PostAsJsonAsync($"/api/missing/episodes/{Guid.NewGuid()}/return", MissingRequests.Return(fixture.Now));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_young_persons_episodes_are_listed_latest_first()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var first = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-8)));
        await worker.ReturnAsync(first.Id, MissingRequests.Return(fixture.Now));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var second = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddMinutes(-10)));

        var list = (await worker.GetFromJsonAsync<List<EpisodeResponse>>($"/api/missing/episodes?youngPersonId={person}", MissingFixture.Json))!;

        Assert.Equal([second.Id, first.Id], list.Select(e => e.Id));
        Assert.NotNull(list[1].ReturnInterview);
        using var missingFilter = await worker.GetAsync("/api/missing/episodes");
        Assert.Equal(HttpStatusCode.BadRequest, missingFilter.StatusCode);
    }

    [Fact]
    public async Task Episodes_cannot_be_deleted_in_the_database()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-4)));
        await using var db = fixture.CreateDbContext();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM missing.episodes WHERE id = {episode.Id}"));

        Assert.Contains("never deleted", error.MessageText, StringComparison.Ordinal);
    }

    private async Task AssertStillOpenAsync(Guid episodeId)
    {
        await using var db = fixture.CreateDbContext();
        var stored = await db.Episodes.SingleAsync(e => e.Id == episodeId);
        Assert.Null(stored.ReturnedAt);
        Assert.False(await db.ReturnInterviews.AnyAsync(i => i.EpisodeId == episodeId));
        Assert.Empty(await fixture.OutboxAsync<YoungPersonReturned>(m => m.EpisodeId == episodeId));
    }
}
