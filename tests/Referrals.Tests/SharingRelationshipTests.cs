using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Referrals.Features.SharingRelationships;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REC-11 and issue 16 (1, 2): partners outside the case team (carers, school safeguarding leads, health partners) see
/// only the young people the information-sharing protocol relates them to; every other read is a 403 that is itself
/// in the access log; every read they are allowed is logged with the relationship, purpose and lawful basis.
/// </summary>
public sealed class SharingRelationshipTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static string Relationships(Guid id) => $"/api/referrals/young-people/{id}/sharing-relationships";

    private async Task<Guid> RecordAsync(Guid youngPersonId, object body)
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        using var response = await social.PostAsJsonAsync(Relationships(youngPersonId), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_carer_sees_only_the_young_person_placed_with_them_and_the_refusal_is_in_the_access_log()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var placed = await social.RegisterAsync(YoungPersonRequests.Valid("Placed", "Carerhome", "2011-02-02"));
        var other = await social.RegisterAsync(YoungPersonRequests.Valid("Other", "Carerhome", "2011-03-03"));
        var relationshipId = await RecordAsync(placed.Id, new { userId = "carer-1", kind = "Placement", reason = "Placed with carer-1 from today" });
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-1");

        using (var own = await carer.GetAsync($"/api/referrals/young-people/{placed.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"/api/referrals/young-people/{placed.Id}/chronology")).StatusCode);
        using var refused = await carer.GetAsync($"/api/referrals/young-people/{other.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal(RecordAccessRefusedException.RefusedBy, problem.GetProperty("refusedBy").GetString());
        Assert.DoesNotContain("Other", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.GetAsync($"/api/referrals/young-people/{other.Id}/chronology")).StatusCode);

        await using var db = fixture.CreateDbContext();
        var otherLog = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == other.Id && e.Actor == "carer-1").ToListAsync();
        Assert.Equal(2, otherLog.Count);
        Assert.All(otherLog, e => Assert.Equal(AccessActions.Refused, e.Action));
        var share = await db.Set<AccessLogEntry>().FirstAsync(e => e.SubjectId == placed.Id && e.Actor == "carer-1");
        Assert.Equal(AccessActions.Read, share.Action);
        Assert.Equal(nameof(SharingRelationshipKind.Placement), share.SharedUnder);
        Assert.Contains("Art. 6(1)(e)", share.LawfulBasis, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(share.Purpose));

        var announced = Assert.Single(await fixture.OutboxAsync<SharingRelationshipRecorded>(e => e.RelationshipId == relationshipId));
        Assert.Equal((placed.Id, "carer-1", SharingRelationshipKind.Placement, (DateTimeOffset?)null),
            (announced.YoungPersonId, announced.UserId, announced.Kind, announced.ValidUntil));
    }

    [Fact]
    public async Task A_carer_adds_to_the_record_of_the_child_placed_with_them_only_and_still_refers_any_child()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var placed = await social.RegisterAsync(YoungPersonRequests.Valid("Written", "Carerhome", "2011-04-04"));
        var other = await social.RegisterAsync(YoungPersonRequests.Valid("Unwritten", "Carerhome", "2011-05-05"));
        await RecordAsync(placed.Id, new { userId = "carer-writes", kind = "Placement", reason = "Placed with carer-writes from today" });
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-writes");
        var note = new { occurredAt = fixture.Clock.GetUtcNow().AddHours(-1), text = "Came home late, said she had been at the shops with a man she called her uncle." };

        using (var own = await carer.PostAsJsonAsync($"/api/referrals/young-people/{placed.Id}/chronology", note))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }
        // Every operation that adds to another child's record is refused by the protocol, before its body is read.
        foreach (var path in new[] { "chronology", "police-outcomes", "links", "risk-assessments", "corrections", "cross-references" })
        {
            using var refused = await carer.PostAsJsonAsync($"/api/referrals/young-people/{other.Id}/{path}", note);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(RecordAccessRefusedException.RefusedBy, (await refused.ProblemAsync()).GetProperty("refusedBy").GetString());
        }
        // Raising a concern never needs a relationship (REF-01): the referral is received.
        using (var referred = await carer.PostAsJsonAsync("/api/referrals", ReferralRequests.For(other.Id, fixture.Clock.GetUtcNow().AddHours(-1))))
        {
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        }

        await using var db = fixture.CreateDbContext();
        Assert.Single(await db.ChronologyEntries.Where(e => e.YoungPersonId == placed.Id && e.AuthorId == "carer-writes").ToListAsync());
        Assert.Empty(await db.ChronologyEntries.Where(e => e.YoungPersonId == other.Id && e.AuthorId == "carer-writes").ToListAsync());
        Assert.Empty(await db.PoliceOutcomes.Where(o => o.YoungPersonId == other.Id).ToListAsync());
        var refusals = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == other.Id && e.Actor == "carer-writes").Select(e => e.Action).ToListAsync();
        Assert.Equal(6, refusals.Count(a => a == AccessActions.Refused));
    }

    [Fact]
    public async Task Every_read_path_of_an_unrelated_child_is_refused_to_a_partner_and_an_unknown_id_looks_the_same()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var child = await social.RegisterAsync(YoungPersonRequests.Valid("Paths", "Unrelated", "2010-06-06"));
        var referral = await social.ReferAsync(ReferralRequests.For(child.Id, fixture.Clock.GetUtcNow().AddHours(-2)));
        using var school = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "dsl-paths");

        // The referral route names the referral, not the child: the child's read is refused inside the handler.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/referrals?youngPersonId={child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/referrals/young-people/{child.Id}/risk-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}")).StatusCode);
        // The case team keeps today's access, and so does anyone who also holds a case-team role.
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        using var both = fixture.Host.CreateClient();
        both.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create([Roles.Carer, Roles.SocialWorker], "carer-and-sw"));
        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync($"/api/referrals/young-people/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_school_lead_who_refers_can_follow_up_that_young_person_and_search_finds_no_one_else()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var classmate = await social.RegisterAsync(YoungPersonRequests.Valid("Classmate", "Hollowbrook", "2011-09-09"));
        using var school = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "dsl-refers");

        var referral = await school.ReferAsync(ReferralRequests.Inline(
            YoungPersonRequests.Valid("Pupil", "Hollowbrook", "2011-10-10"), fixture.Clock.GetUtcNow().AddHours(-1)));

        var pupil = referral.YoungPerson.Id;
        Assert.Equal(HttpStatusCode.OK, (await school.GetAsync($"/api/referrals/young-people/{pupil}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/referrals/young-people/{classmate.Id}")).StatusCode);
        var found = await school.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=hollowbrook", YoungPersonRequests.Json);
        Assert.Equal([pupil], found!.Select(m => m.Id));
        var byStaff = await social.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=hollowbrook", YoungPersonRequests.Json);
        Assert.Equal(2, byStaff!.Count);

        var announced = Assert.Single(await fixture.OutboxAsync<SharingRelationshipRecorded>(e => e.YoungPersonId == pupil));
        Assert.Equal(SharingRelationshipKind.ReferralMade, announced.Kind);
        Assert.Equal("dsl-refers", announced.UserId);
        Assert.Equal(fixture.Clock.GetUtcNow() + SharingRelationshipRules.ReferralFollowUp, announced.ValidUntil);
    }

    [Fact]
    public async Task A_carer_who_refers_a_child_not_placed_with_them_is_told_it_was_received_without_the_childs_earlier_referrals()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var child = await social.RegisterAsync(YoungPersonRequests.Valid("Known", "Elsewhere", "2010-12-12"));
        await social.ReferAsync(ReferralRequests.For(child.Id, fixture.Clock.GetUtcNow().AddHours(-5)));
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-refers");

        var referral = await carer.ReferAsync(ReferralRequests.For(child.Id, fixture.Clock.GetUtcNow().AddHours(-1), referrerRole: "FosterCarer"));

        Assert.Empty(referral.ReReferral.EarlierReferrals);
        Assert.True(referral.ReReferral.IsReReferral);
        using var staffView = await social.GetAsync($"/api/referrals/{referral.Id}");
        Assert.Equal(HttpStatusCode.OK, staffView.StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<AccessLogEntry>().AnyAsync(e => e.SubjectId == child.Id && e.Actor == "carer-refers"));
    }

    [Fact]
    public async Task A_partner_whose_referral_matches_several_children_is_sent_to_the_duty_team_without_seeing_who_they_are()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var first = await social.RegisterAsync(YoungPersonRequests.Valid("Twin", "Samename", "2011-01-01"));
        var second = await social.RegisterAsync(YoungPersonRequests.Valid("Twin", "Samename", "2011-01-01"));
        using var school = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "dsl-ambiguous");

        using var response = await school.PostAsJsonAsync("/api/referrals",
            ReferralRequests.Inline(YoungPersonRequests.Valid("Twin", "Samename", "2011-01-01"), fixture.Clock.GetUtcNow().AddHours(-1)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(first.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(second.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("duty team", body, StringComparison.Ordinal);
        using var staff = await social.PostAsJsonAsync("/api/referrals",
            ReferralRequests.Inline(YoungPersonRequests.Valid("Twin", "Samename", "2011-01-01"), fixture.Clock.GetUtcNow().AddHours(-1)));
        Assert.Contains(first.Id.ToString(), await staff.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_grant_allows_reads_until_the_instant_it_lapses_and_not_from_then_on()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var child = await social.RegisterAsync(YoungPersonRequests.Valid("Granted", "Lapsing", "2010-01-01"));
        var until = fixture.Clock.GetUtcNow().AddHours(6);
        await RecordAsync(child.Id, new { userId = "hp-grant", kind = "Grant", validUntil = until, reason = "Sexual health clinic follow-up" });
        using var health = fixture.Host.ClientFor(Roles.HealthPartner, "hp-grant");

        fixture.MoveClockTo(until - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync($"/api/referrals/young-people/{child.Id}")).StatusCode);
        fixture.MoveClockTo(until);
        Assert.Equal(HttpStatusCode.Forbidden, (await health.GetAsync($"/api/referrals/young-people/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task Ending_a_placement_stops_access_keeps_the_row_with_its_reason_and_cannot_be_done_twice()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var child = await social.RegisterAsync(YoungPersonRequests.Valid("Moved", "Onward", "2012-04-04"));
        var id = await RecordAsync(child.Id, new { userId = "carer-ended", kind = "Placement", reason = "Emergency placement" });
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-ended");
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"/api/referrals/young-people/{child.Id}")).StatusCode);

        using var noReason = await social.PostAsJsonAsync($"{Relationships(child.Id)}/{id}/end", new { });
        Assert.Equal(new[] { "reason" }, await noReason.ErrorFieldsAsync());
        using var ended = await social.PostAsJsonAsync($"{Relationships(child.Id)}/{id}/end", new { reason = "Placement ended; moved to residential care" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        using var again = await social.PostAsJsonAsync($"{Relationships(child.Id)}/{id}/end", new { reason = "Twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await carer.GetAsync($"/api/referrals/young-people/{child.Id}")).StatusCode);
        var list = await social.GetFromJsonAsync<List<SharingRelationshipResponse>>(Relationships(child.Id), YoungPersonRequests.Json);
        var row = Assert.Single(list!);
        Assert.False(row.Active);
        Assert.Equal("Placement ended; moved to residential care", row.EndReason);
        Assert.Equal("sw-share", row.EndedBy);
        Assert.Single(await fixture.OutboxAsync<SharingRelationshipEnded>(e => e.RelationshipId == id));
    }

    [Fact]
    public async Task A_relationship_without_a_reason_a_grant_without_an_end_or_a_hand_made_referral_link_is_refused_and_nothing_is_stored()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-share");
        var child = await social.RegisterAsync(YoungPersonRequests.Valid("Refused", "Grants", "2010-07-07"));
        var now = fixture.Clock.GetUtcNow();

        using var noReason = await social.PostAsJsonAsync(Relationships(child.Id), new { userId = "x", kind = "Placement" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(new[] { "reason" }, await noReason.ErrorFieldsAsync());
        using var endless = await social.PostAsJsonAsync(Relationships(child.Id), new { userId = "x", kind = "Grant", reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, endless.StatusCode);
        Assert.Equal(new[] { "validUntil" }, await endless.ErrorFieldsAsync());
        using var tooLong = await social.PostAsJsonAsync(Relationships(child.Id),
            new { userId = "x", kind = "Grant", reason = "r", validUntil = now.AddDays(400) });
        Assert.Equal(new[] { "validUntil" }, await tooLong.ErrorFieldsAsync());
        using var byHand = await social.PostAsJsonAsync(Relationships(child.Id), new { userId = "x", kind = "ReferralMade", reason = "r" });
        Assert.Equal(new[] { "kind" }, await byHand.ErrorFieldsAsync());
        using var invitationByHand = await social.PostAsJsonAsync(Relationships(child.Id), new { userId = "x", kind = "AssessmentInvitation", reason = "r" });
        Assert.Equal(new[] { "kind" }, await invitationByHand.ErrorFieldsAsync());
        using var byNumber = await social.PostAsJsonAsync(Relationships(child.Id), new { userId = "x", kind = 1, reason = "r" });
        Assert.Equal(HttpStatusCode.BadRequest, byNumber.StatusCode);
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-self");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await carer.PostAsJsonAsync(Relationships(child.Id), new { userId = "carer-self", kind = "Placement", reason = "I say so" })).StatusCode);

        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<SharingRelationship>().AnyAsync(r => r.YoungPersonId == child.Id));
    }
}
