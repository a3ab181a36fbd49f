using System.Net;
using System.Net.Http.Json;
using Support.Missing.Domain;
using Support.Missing.Features.AbductionNotices;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>
/// MIS-05: episodes matched against other young people's episodes and against abduction notices. Every test uses its
/// own place names and registrations, since matching looks at every episode in the class's database.
/// </summary>
public sealed class PatternMatchingTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    [Fact]
    public async Task A_return_found_at_the_same_address_as_another_young_persons_return_links_and_flags_both_episodes()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var first = await ReportAndReturnAsync(worker, await fixture.KnownYoungPersonAsync(), whereFound: "Flat 3, 14 Clifton Lane, Rotherham");
        var second = await ReportAndReturnAsync(worker, await fixture.KnownYoungPersonAsync(), whereFound: "flat 3  14 CLIFTON lane rotherham.");

        var link = Assert.Single(second.Links);
        Assert.Equal(EpisodeLinkKind.OtherYoungPerson, link.Kind);
        Assert.Equal(first.Id, link.LinkedEpisodeId);
        Assert.Equal(["whereFound"], link.MatchedOn);
        Assert.Equal(["whereFound"], link.LinkedFields);
        Assert.Equal("flat 3 14 clifton lane rotherham", link.MatchedTerm);
        Assert.Equal(fixture.Now, link.RecordedAt.Utc);
        Assert.Equal([EpisodeFlag.LinkedToOtherYoungPerson], second.Flags);

        var firstRead = await GetAsync(worker, first.Id);
        var back = Assert.Single(firstRead.Links);
        Assert.Equal(second.Id, back.LinkedEpisodeId);
        Assert.Equal([EpisodeFlag.LinkedToOtherYoungPerson], firstRead.Flags);
        var flagged = await worker.GetFromJsonAsync<List<EpisodeResponse>>("/api/missing/episodes?flagged=true", MissingFixture.Json);
        Assert.Contains(flagged!, e => e.Id == first.Id);
        Assert.Contains(flagged!, e => e.Id == second.Id);
    }

    [Fact]
    public async Task An_abduction_notice_subjects_registration_in_howReturned_with_other_spacing_and_case_flags_a_suspected_breach()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-notice");
        var notice = await RecordNoticeAsync(police, Notice(person, registrations: ["YX19 KLM"]));
        Assert.Equal(Support.Missing.Features.Signature.Of(fixture.Now, "pc-notice", Roles.PoliceLiaison), notice.Recorded);
        Assert.True(notice.IsActive);
        fixture.Clock.Advance(TimeSpan.FromDays(3));

        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await ReportAndReturnAsync(worker, person, whereFound: "Layby off the A631", howReturned: "Dropped home in a grey Audi, reg yx 19k-lm");

        var link = Assert.Single(episode.Links);
        Assert.Equal(EpisodeLinkKind.AbductionNotice, link.Kind);
        Assert.Equal(notice.Id, link.AbductionNoticeId);
        Assert.Equal(["howReturned"], link.MatchedOn);
        Assert.Equal(["vehicleRegistrations"], link.LinkedFields);
        Assert.Equal("YX19KLM", link.MatchedTerm);
        Assert.Equal([EpisodeFlag.AbductionNoticeBreachSuspected], episode.Flags);
        Assert.Equal(episode.Flags, (await GetAsync(worker, episode.Id)).Flags);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        var flagged = await manager.GetFromJsonAsync<List<EpisodeResponse>>($"/api/missing/episodes?flagged=true", MissingFixture.Json);
        Assert.Contains(flagged!, e => e.Id == episode.Id && e.Flags.Contains(EpisodeFlag.AbductionNoticeBreachSuspected));
    }

    [Fact]
    public async Task A_report_naming_the_notice_subjects_nickname_is_flagged_when_reported()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var notice = await RecordNoticeAsync(worker, Notice(person, nicknames: ["Big Tez"]));
        var body = MissingRequests.Report(person, fixture.Now.AddHours(-2));
        body["lastSeenLocation"] = "Outside the Dragon Chippy";
        body["believedWith"] = "A man called 'Big-Tez' and a friend";

        var episode = await worker.ReportAsync(body);

        var link = Assert.Single(episode.Links);
        Assert.Equal(notice.Id, link.AbductionNoticeId);
        Assert.Equal(["believedWith"], link.MatchedOn);
        Assert.Equal(["subjectNicknames"], link.LinkedFields);
        Assert.Equal("big tez", link.MatchedTerm);
    }

    [Fact]
    public async Task An_expired_abduction_notice_raises_no_flag()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = Notice(person, registrations: ["ZZ07 QPR"]);
        body["servedAt"] = fixture.Now.AddDays(-30);
        body["expiresAt"] = fixture.Now.AddHours(1);
        var notice = await RecordNoticeAsync(worker, body);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        var episode = await ReportAndReturnAsync(worker, person, whereFound: "Bus shelter on Quarry Road", howReturned: "Lift in ZZ07QPR");

        Assert.Empty(episode.Links);
        Assert.Empty(episode.Flags);
        var listed = await worker.GetFromJsonAsync<List<AbductionNoticeEndpoints.NoticeResponse>>(
            $"/api/missing/abduction-notices?youngPersonId={person}", MissingFixture.Json);
        Assert.False(Assert.Single(listed!, n => n.Id == notice.Id).IsActive);
    }

    [Fact]
    public async Task The_same_young_persons_earlier_episode_at_the_same_place_is_linked_as_a_repeat_location_and_not_flagged()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var earlier = await ReportAndReturnAsync(worker, person, whereFound: "Garage block behind Ferham Road");
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        var later = await ReportAndReturnAsync(worker, person, whereFound: "Garage block, behind Ferham Road");

        var link = Assert.Single(later.Links);
        Assert.Equal(EpisodeLinkKind.RepeatLocation, link.Kind);
        Assert.Equal(earlier.Id, link.LinkedEpisodeId);
        Assert.Empty(later.Flags);
        Assert.Empty((await GetAsync(worker, earlier.Id)).Flags);
        var flagged = await worker.GetFromJsonAsync<List<EpisodeResponse>>($"/api/missing/episodes?youngPersonId={person}&flagged=true", MissingFixture.Json);
        Assert.Empty(flagged!);
    }

    [Fact]
    public async Task Uninformative_values_like_unknown_never_link_episodes()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        await ReportAndReturnAsync(worker, await fixture.KnownYoungPersonAsync(), whereFound: "Unknown", foundWith: "unknown");

        var second = await ReportAndReturnAsync(worker, await fixture.KnownYoungPersonAsync(), whereFound: "UNKNOWN", foundWith: "Unknown.");

        Assert.Empty(second.Links);
    }

    [Fact]
    public async Task A_notice_with_missing_or_malformed_fields_gives_400_naming_each_field()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.PostAsJsonAsync("/api/missing/abduction-notices",
            new { subjectNicknames = new[] { " " }, vehicleRegistrations = new[] { "--" }, addresses = new[] { new string('a', 501) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["addresses", "servedAt", "subjectName", "subjectNicknames", "vehicleRegistrations", "youngPersonId"],
            (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_notice_for_an_unknown_young_person_served_in_the_future_gives_422_naming_the_fields()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = Notice(Guid.NewGuid());
        body["servedAt"] = fixture.Now.AddDays(1);

        using var response = await worker.PostAsJsonAsync("/api/missing/abduction-notices", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["servedAt", "youngPersonId"], (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_notice_expiring_before_it_was_served_gives_422_naming_expiresAt()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = Notice(await fixture.KnownYoungPersonAsync());
        body["expiresAt"] = fixture.Now.AddDays(-2);

        using var response = await worker.PostAsJsonAsync("/api/missing/abduction-notices", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["expiresAt"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Listing_notices_without_a_young_person_gives_400_naming_youngPersonId()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.GetAsync("/api/missing/abduction-notices");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["youngPersonId"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Governance)]
    [InlineData(Roles.RhiWorker)]
    [InlineData(Roles.OutreachWorker)]
    public async Task Only_police_liaison_social_workers_and_managers_may_record_a_notice(string role)
    {
        using var client = fixture.Host.ClientFor(role);

        using var response = await client.PostAsJsonAsync("/api/missing/abduction-notices", Notice(await fixture.KnownYoungPersonAsync()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_commissioner_gets_403_listing_notices_and_flagged_episodes()
    {
        using var client = fixture.Host.ClientFor(Roles.Commissioner);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/missing/abduction-notices?youngPersonId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/missing/episodes?flagged=true")).StatusCode);
    }

    [Theory]
    [InlineData("  Flat 3,  14 Clifton-Lane. ", "flat 3 14 clifton lane")]
    [InlineData("O'Brien's CAFÉ!!", "o brien s café")]
    [InlineData(null, "")]
    public void Text_is_normalised_to_lower_case_words(string? text, string expected) =>
        Assert.Equal(expected, PatternMatching.Normalise(text));

    private Dictionary<string, object?> Notice(Guid youngPersonId, string[]? nicknames = null, string[]? registrations = null) => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["subjectName"] = "Terence Holloway",
        ["subjectNicknames"] = nicknames ?? ["Tel"],
        ["addresses"] = new[] { "22 Moorgate Crescent" },
        ["vehicleRegistrations"] = registrations ?? ["AB12 CDE"],
        ["servedAt"] = fixture.Now.AddDays(-1),
        ["expiresAt"] = null,
    };

    private static async Task<AbductionNoticeEndpoints.NoticeResponse> RecordNoticeAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/missing/abduction-notices", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<AbductionNoticeEndpoints.NoticeResponse>();
    }

    private async Task<EpisodeResponse> ReportAndReturnAsync(HttpClient client, Guid person, string whereFound,
        string? foundWith = null, string howReturned = "Walked home")
    {
        var report = MissingRequests.Report(person, fixture.Now.AddHours(-4));
        report["lastSeenLocation"] = $"Last seen {Guid.NewGuid()}";
        report["believedWith"] = null;
        var episode = await client.ReportAsync(report);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        return await client.ReturnAsync(episode.Id, new Dictionary<string, object?>
        {
            ["returnedAt"] = fixture.Now.AddMinutes(-10),
            ["whereFound"] = whereFound,
            ["foundWith"] = foundWith,
            ["howReturned"] = howReturned,
        });
    }

    private static async Task<EpisodeResponse> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<EpisodeResponse>($"/api/missing/episodes/{id}", MissingFixture.Json))!;
}
