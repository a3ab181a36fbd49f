using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>Referral intake: priority from content only (REF-01), deadline (REF-04), pathways (REF-05), re-referrals (REF-20).</summary>
public sealed class ReferralIntakeTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private async Task<Guid> RegisteredAsync(string family, string dateOfBirth = "2012-03-01")
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        return (await client.RegisterAsync(YoungPersonRequests.Valid("Referred", family, dateOfBirth))).Id;
    }

    [Fact]
    public async Task Two_identical_referrals_from_an_outreach_worker_and_a_social_worker_get_the_same_priority_and_deadline()
    {
        var first = await RegisteredAsync("Outreach");
        var second = await RegisteredAsync("Social");
        var occurredAt = fixture.Clock.GetUtcNow().AddHours(-3);
        using var outreach = fixture.Host.ClientFor(Roles.OutreachWorker, "rb-worker");
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "cart-worker");

        var fromOutreach = await outreach.ReferAsync(ReferralRequests.For(first, occurredAt, "OutreachWorker", sexualActivity: true));
        var fromSocial = await social.ReferAsync(ReferralRequests.For(second, occurredAt, "SocialWorker", sexualActivity: true));

        Assert.Equal(ReferrerRole.OutreachWorker, fromOutreach.ReferrerRole);
        Assert.Equal(ReferrerRole.SocialWorker, fromSocial.ReferrerRole);
        Assert.Equal(ReferralPriority.Urgent, fromOutreach.Priority);
        Assert.Equal(fromSocial.Priority, fromOutreach.Priority);
        Assert.Equal(fromSocial.PriorityReasons, fromOutreach.PriorityReasons);
        Assert.Equal(fromSocial.DecisionDue, fromOutreach.DecisionDue);
        Assert.Equal(fromSocial.ReasonableCause, fromOutreach.ReasonableCause);
    }

    [Fact]
    public async Task Priority_comes_from_the_rule_table_with_the_age_on_the_date_of_the_concern_and_lists_its_reasons()
    {
        // 13 on 1 March 2026: sexual activity on 28 February is under 13 (VeryHigh), on 1 March under 16 (High).
        var person = await RegisteredAsync("Birthday", "2013-03-01");
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        var under13 = await client.ReferAsync(ReferralRequests.For(person, new(2026, 2, 28, 12, 0, 0, TimeSpan.Zero), indicators: [], sexualActivity: true));
        var at13 = await client.ReferAsync(ReferralRequests.For(person, new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), indicators: [], sexualActivity: true));

        Assert.Equal(12, under13.AgeOnConcernDate);
        Assert.Equal(ReferralPriority.Immediate, under13.Priority);
        Assert.Contains(LegalFlag.Under13NoCapacityToConsent, under13.LegalFlags);
        Assert.Contains(under13.PriorityReasons, r => r.StartsWith("R1", StringComparison.Ordinal));
        Assert.Equal(13, at13.AgeOnConcernDate);
        Assert.Contains(at13.PriorityReasons, r => r.StartsWith("R4", StringComparison.Ordinal));
        // The second is also a re-referral within 12 months: at least Raised, but R4 already makes it Urgent.
        Assert.Equal(ReferralPriority.Urgent, at13.Priority);
        Assert.Equal("2026.1", at13.RuleTableVersion);
    }

    [Fact]
    public async Task The_response_gives_the_decision_deadline_in_utc_and_london_time_and_the_pathway_for_the_cse_type()
    {
        var person = await RegisteredAsync("Deadline");
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var now = fixture.Clock.GetUtcNow();

        var referral = await client.ReferAsync(ReferralRequests.For(person, now.AddDays(-1), cseType: "OnlineGrooming"));

        Assert.Equal(now, referral.ReceivedAt.Utc);
        Assert.Equal(Support.ServiceDefaults.Time.WorkingDays.Add(now, 1), referral.DecisionDue.Utc);
        Assert.EndsWith("+00:00 GMT", referral.DecisionDue.Shown(), StringComparison.Ordinal);
        Assert.Equal("online-grooming", referral.ResponsePathway.Code);
        Assert.False(referral.Overdue);
    }

    [Fact]
    public async Task A_referral_involving_an_adult_cannot_take_the_peer_image_sharing_pathway()
    {
        var person = await RegisteredAsync("Peer");
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var occurredAt = fixture.Clock.GetUtcNow().AddHours(-1);

        using var refused = await client.PostAsJsonAsync("/api/referrals",
            ReferralRequests.For(person, occurredAt, cseType: "PeerImageSharing", adultInvolved: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty("adultInvolved", out _));
        var peer = await client.ReferAsync(ReferralRequests.For(person, occurredAt, cseType: "PeerImageSharing", adultInvolved: false, indicators: []));
        Assert.Equal("peer-image-sharing", peer.ResponsePathway.Code);
        Assert.False(peer.ResponsePathway.AdultInvolvementAllowed);
    }

    [Fact]
    public async Task A_parents_report_referred_from_a_support_line_conversation_names_it_and_gets_the_same_deadline_as_any_referral()
    {
        using var duty = fixture.Host.ClientFor(Roles.SupportLineOperator, "duty-sl");
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-compare");
        var occurredAt = fixture.Clock.GetUtcNow().AddHours(-2);
        var conversationId = Guid.NewGuid();
        var body = ReferralRequests.Inline(YoungPersonRequests.Valid("Parent", "Reported", "2012-03-03"), occurredAt);
        body["referrerRole"] = "Parent";
        body["referrerOrganisation"] = "Support line";
        body["supportLineConversationId"] = conversationId;

        var referral = await duty.ReferAsync(body);
        var compared = await social.ReferAsync(ReferralRequests.Inline(YoungPersonRequests.Valid("Social", "Reported", "2012-03-03"), occurredAt));

        // SL-09 with REF-01: who referred, and through what, changes neither priority nor deadline.
        Assert.Equal((ReferrerRole.Parent, (Guid?)conversationId), (referral.ReferrerRole, referral.SupportLineConversationId));
        Assert.Equal((compared.Priority, compared.DecisionDue), (referral.Priority, referral.DecisionDue));
        Assert.Null(compared.SupportLineConversationId);
        await using var db = fixture.CreateDbContext();
        var received = Assert.Single(await db.OutboxAsync<ReferralReceived>(m => m.ReferralId == referral.Id));
        Assert.Equal((ReferrerRole.Parent, (Guid?)conversationId, "duty-sl"), (received.ReferrerRole, received.SupportLineConversationId, received.RecordedBy));

        body["supportLineConversationId"] = Guid.Empty;
        using var refused = await duty.PostAsJsonAsync("/api/referrals", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty("supportLineConversationId", out _));
    }

    [Fact]
    public async Task A_referral_announces_the_young_persons_age_on_the_day_it_was_received_and_on_the_day_of_the_concern()
    {
        // COM-06: an adult of 20 coming forward about what happened at 14 is a historic victim in commissioners' reports.
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "sw-historic");
        var now = fixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var bornOn = today.AddYears(-20).AddDays(-10);

        var referral = await client.ReferAsync(ReferralRequests.Inline(
            YoungPersonRequests.Valid("Historic", "Cameforward", bornOn.ToString("yyyy-MM-dd")), now.AddYears(-6)));

        await using var db = fixture.CreateDbContext();
        var received = Assert.Single(await db.OutboxAsync<ReferralReceived>(m => m.ReferralId == referral.Id));
        Assert.Equal((20, 14), (received.AgeAtReferral, received.AgeOnConcernDate));
    }

    [Fact]
    public async Task Inline_details_register_the_young_person_and_publish_YoungPersonRegistered()
    {
        using var client = fixture.Host.ClientFor(Roles.OutreachWorker);

        var referral = await client.ReferAsync(ReferralRequests.Inline(YoungPersonRequests.Valid("Inline", "Newcomer", "2011-07-07"), fixture.Clock.GetUtcNow()));

        Assert.True(referral.YoungPerson.RegisteredNow);
        Assert.False(referral.YoungPerson.MatchedExisting);
        var person = await client.GetFromJsonAsync<Support.Referrals.Features.YoungPeople.YoungPersonResponse>(
            $"/api/referrals/young-people/{referral.YoungPerson.Id}", ReferralRequests.Json);
        Assert.Equal("Kay Newcomer", person!.DisplayName);
        await using var db = fixture.CreateDbContext();
        var registered = Assert.Single(await db.OutboxAsync<YoungPersonRegistered>(m => m.YoungPersonId == referral.YoungPerson.Id));
        // OUT-10: other services' reports break down by what was recorded, so the event carries it (the category by name).
        Assert.Equal((GenderCategory.Female, "White British"), (registered.Gender, registered.Ethnicity));
        var received = Assert.Single(await db.OutboxAsync<ReferralReceived>(m => m.ReferralId == referral.Id));
        Assert.Equal(referral.YoungPerson.Id, received.YoungPersonId);
        Assert.Equal(ReferrerRole.SocialWorker, received.ReferrerRole);
        Assert.Equal(referral.Priority, received.Priority);
        Assert.Equal(referral.DecisionDue.Utc, received.DecisionDueAt);
        Assert.Equal("test-outreachworker", received.RecordedBy);
    }

    [Fact]
    public async Task Inline_details_matching_a_registered_name_and_date_of_birth_use_that_person_and_say_so()
    {
        var existing = await RegisteredAsync("Matched", "2010-10-10");
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        var referral = await client.ReferAsync(ReferralRequests.Inline(YoungPersonRequests.Valid("REFERRED", "matched", "2010-10-10"), fixture.Clock.GetUtcNow()));

        Assert.Equal(existing, referral.YoungPerson.Id);
        Assert.False(referral.YoungPerson.RegisteredNow);
        Assert.True(referral.YoungPerson.MatchedExisting);
        Assert.Equal(["name", "dateOfBirth"], referral.YoungPerson.MatchedOn);
        await using var db = fixture.CreateDbContext();
        Assert.Empty(await db.OutboxAsync<YoungPersonRegistered>(m => m.YoungPersonId != existing && m.DisplayName == "Kay matched"));
    }

    [Fact]
    public async Task A_re_referral_within_12_months_shows_the_earlier_referrals_sets_a_minimum_priority_and_needs_a_manager()
    {
        var person = await RegisteredAsync("Again");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-first");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-first");
        var quiet = ReferralRequests.For(person, fixture.Clock.GetUtcNow(), indicators: ["SchoolAbsence"]);

        var first = await worker.ReferAsync(quiet);
        Assert.False(first.ReReferral.IsReReferral);
        Assert.Equal(ReferralPriority.Standard, first.Priority);
        using (var decided = await manager.PostAsJsonAsync($"/api/referrals/{first.Id}/decision", new { outcome = "NoFurtherAction", rationale = "Attendance issue only" }))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        var second = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow(), indicators: ["SchoolAbsence"]));

        Assert.True(second.ReReferral.IsReReferral);
        Assert.Equal(1, second.ReReferral.CountInLast12Months);
        Assert.True(second.ReReferral.ManagerReviewRequired);
        Assert.Equal(ReferralPriority.Raised, second.Priority);
        Assert.Contains(second.PriorityReasons, r => r.StartsWith("REF-20", StringComparison.Ordinal));
        var earlier = Assert.Single(second.ReReferral.EarlierReferrals);
        Assert.Equal(first.Id, earlier.Id);
        Assert.Equal(ReferralOutcome.NoFurtherAction, earlier.Outcome);
        Assert.Equal("sw-first", earlier.ReceivedBy);
        Assert.Equal("tm-first", earlier.DecidedBy);
        // The manager review: a social worker cannot decide a re-referral within 12 months, a manager can.
        using var refused = await worker.PostAsJsonAsync($"/api/referrals/{second.Id}/decision", new { outcome = "NoFurtherAction", rationale = "Again" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var accepted = await manager.PostAsJsonAsync($"/api/referrals/{second.Id}/decision", new { outcome = "CseCaseOpened", rationale = "Second referral in a month" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_referral_more_than_12_months_after_the_last_is_a_re_referral_without_a_minimum_priority()
    {
        var person = await RegisteredAsync("LongAgo");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow(), indicators: []));

        fixture.Clock.Advance(TimeSpan.FromDays(367));
        var later = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow(), indicators: []));

        Assert.True(later.ReReferral.IsReReferral);
        Assert.Equal(0, later.ReReferral.CountInLast12Months);
        Assert.False(later.ReReferral.ManagerReviewRequired);
        Assert.Equal(ReferralPriority.Standard, later.Priority);
        Assert.Single(later.ReReferral.EarlierReferrals);
    }

    [Fact]
    public async Task Missing_fields_are_400_naming_them_and_an_unknown_young_person_is_422()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        using var empty = await client.PostAsJsonAsync("/api/referrals", new { narrative = "" });
        var errors = (await empty.ProblemAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        foreach (var field in new[] { "youngPersonId", "referrerRole", "cseType", "adultInvolved", "occurredAt", "narrative" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        using var unknown = await client.PostAsJsonAsync("/api/referrals", ReferralRequests.For(Guid.NewGuid(), fixture.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.True((await unknown.ProblemAsync()).GetProperty("errors").TryGetProperty("youngPersonId", out _));
    }

    [Fact]
    public async Task Reading_a_referral_is_audited_and_a_young_persons_referrals_are_listed()
    {
        var person = await RegisteredAsync("Audited");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-writer");
        var referral = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow()));
        using var reader = fixture.Host.ClientFor(Roles.PoliceLiaison, "reader-1");

        var read = await reader.GetReferralAsync(referral.Id);
        var list = await reader.GetFromJsonAsync<List<ReferralSummary>>($"/api/referrals?youngPersonId={person}", ReferralRequests.Json);

        Assert.Equal(referral.Id, read.Id);
        Assert.Equal("Seen getting into a car with two older men outside school.", read.Narrative);
        Assert.Equal(referral.Id, Assert.Single(list!).Id);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        var log = await manager.GetFromJsonAsync<List<JsonElement>>($"/api/referrals/young-people/{person}/access-log", ReferralRequests.Json);
        Assert.Contains(log!, e => e.GetProperty("actor").GetString() == "reader-1" && e.GetProperty("path").GetString() == $"/api/referrals/{referral.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/referrals/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_a_commissioner_gets_403_everywhere()
    {
        var person = await RegisteredAsync("Guarded");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var referral = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow()));
        using var anonymous = fixture.Host.CreateClient();
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/referrals", ReferralRequests.For(person, fixture.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/referrals?overdue=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync("/api/referrals", ReferralRequests.For(person, fixture.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync($"/api/referrals/{referral.Id}/decision", new { outcome = "NoFurtherAction", rationale = "x" })).StatusCode);
        // Outreach workers refer but do not decide, and only managers see the overdue list.
        using var outreach = fixture.Host.ClientFor(Roles.OutreachWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.PostAsJsonAsync($"/api/referrals/{referral.Id}/decision", new { outcome = "NoFurtherAction", rationale = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/api/referrals?overdue=true")).StatusCode);
    }
}
