using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Contracts.Therapy;
using Support.Contracts.UnmetNeeds;

namespace Support.Therapy.Tests;

/// <summary>THR-01, THR-04: therapy referrals carry their CSE context from events and always end with an outcome.</summary>
public sealed class TherapyReferralTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task A_referral_carries_the_risk_level_and_indicators_from_the_latest_risk_event_never_an_older_one_arriving_late()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 3, 2));
        await fixture.SetRiskAsync(youngPerson, RiskLevel.High, fixture.Now.AddDays(-2), RiskIndicator.MissingFromHome, RiskIndicator.GiftsMoneyOrAttention);
        await fixture.SetRiskAsync(youngPerson, RiskLevel.Low, fixture.Now.AddDays(-30), RiskIndicator.Unhappy);
        var offer = await fixture.OfferAsync("Context CAMHS", "Context clinic", "Camhs");

        using var social = fixture.Client("SocialWorker", "sw-context");
        using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = offer, referredAt = "2026-11-17T09:30", reason = "Nightmares after disclosure.",
        });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var body = await made.JsonAsync();
        Assert.Equal("High", body.GetProperty("riskLevel").GetString());
        Assert.Equal(new[] { "MissingFromHome", "GiftsMoneyOrAttention" }, body.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("Open", body.GetProperty("status").GetString());
        Assert.Equal("sw-context", body.GetProperty("recordedBy").GetString());
        Assert.Equal("GMT", body.GetProperty("referredAt").GetProperty("zone").GetString());
    }

    [Fact]
    public async Task A_not_mentally_ill_decline_without_confirming_the_cse_history_was_considered_is_refused_naming_the_field_and_changes_nothing()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 6, 1));
        var referral = await fixture.ReferAsync(youngPerson, await fixture.OfferAsync("Strict CAMHS", "Strict clinic", "Camhs"));
        using var clinician = fixture.Client("CamhsClinician", "camhs-strict");

        foreach (var reason in new[] { "NotMentallyIll", "BelowThreshold", "Behavioural" })
        {
            using var refused = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new { reason, declinedAt = fixture.Now.ToString("O") });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(new[] { "cseHistoryConsidered" }, await refused.ErrorFieldsAsync());
            using var unconfirmed = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline",
                new { reason, cseHistoryConsidered = false, declinedAt = fixture.Now.ToString("O") });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        }

        await using var db = fixture.CreateDbContext();
        Assert.Equal(Domain.TherapyReferralStatus.Open, (await db.Referrals.SingleAsync(r => r.Id == referral)).Status);
        Assert.Empty(await db.Tasks.Where(t => t.ReferralId == referral).ToListAsync());
        Assert.Empty(await fixture.OutboxAsync<TherapyReferralDeclined>(e => e.ReferralId == referral));
    }

    [Fact]
    public async Task A_decline_records_unmet_need_opens_a_key_worker_task_listing_the_offers_that_fit_and_announces_it_for_a_risk_review()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2009, 1, 20)); // 17 on the fixture's date
        await fixture.SetRiskAsync(youngPerson, RiskLevel.VeryHigh, fixture.Now.AddDays(-3), RiskIndicator.InjuriesOnReturn);
        await fixture.AssignKeyWorkerAsync(youngPerson, "kw-decline");
        var camhs = await fixture.OfferAsync("Decline CAMHS", "Decline tier 3", "Camhs", maximumAge: 17);
        var trauma = await fixture.OfferAsync("Rotherham Rise", "Trauma therapy at home", "TraumaTherapy", minimumAge: 11, settings: ["Home"]);
        var under16 = await fixture.OfferAsync("Junior Space", "Group work under 16", "GroupWork", minimumAge: 8, maximumAge: 15);
        var unfunded = await fixture.OfferAsync("Ended Pilot", "Ended pilot", "FamilyTherapy", funded: false);
        var referral = await fixture.ReferAsync(youngPerson, camhs);

        using var clinician = fixture.Client("CamhsClinician", "camhs-decliner");
        using var declined = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new
        {
            reason = "NotMentallyIll", cseHistoryConsidered = true, declinedAt = fixture.Now.ToString("O"), note = "Behaviour, not illness.",
        });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var body = await declined.JsonAsync();
        Assert.Equal("Declined", body.GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal("kw-decline", body.GetProperty("taskAssignedTo").GetString());
        var fitting = body.GetProperty("fittingOffers").EnumerateArray().Select(o => o.GetProperty("offerId").GetGuid()).ToList();
        Assert.Contains(trauma, fitting);
        Assert.DoesNotContain(camhs, fitting);
        Assert.DoesNotContain(under16, fitting);
        Assert.DoesNotContain(unfunded, fitting);

        var unmet = Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == youngPerson));
        Assert.Equal(UnmetNeedReason.CriteriaNotMet, unmet.Reason);
        Assert.Equal("Camhs", unmet.NeedCategory);
        Assert.Equal("therapy", unmet.RecordedByService);
        var announced = Assert.Single(await fixture.OutboxAsync<TherapyReferralDeclined>(e => e.ReferralId == referral));
        Assert.Equal(TherapyDeclineReason.NotMentallyIll, announced.Reason);
        Assert.Equal(RiskLevel.VeryHigh, announced.RiskLevel);
        Assert.Equal(new[] { RiskIndicator.InjuriesOnReturn }, announced.Indicators);
        Assert.Equal(unmet.UnmetNeedId, announced.UnmetNeedId);

        using var keyWorker = fixture.Client("SocialWorker", "kw-decline");
        var tasks = await keyWorker.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/therapy/tasks");
        var task = Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("referralId").GetGuid() == referral);
        Assert.Contains(trauma, task.GetProperty("fittingOfferIds").EnumerateArray().Select(o => o.GetGuid()));
        using var someoneElse = fixture.Client("SocialWorker", "another-worker");
        var theirs = await someoneElse.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/therapy/tasks");
        Assert.DoesNotContain(theirs.EnumerateArray(), t => t.GetProperty("referralId").GetGuid() == referral);

        // The key worker chooses the alternative: a new referral from the task, which completes it.
        using var alternative = await keyWorker.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = trauma, referredAt = fixture.Now.ToString("O"), reason = "Alternative after CAMHS decline.",
            taskId = task.GetProperty("id").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.Created, alternative.StatusCode);
        var open = await keyWorker.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/therapy/tasks");
        Assert.DoesNotContain(open.EnumerateArray(), t => t.GetProperty("referralId").GetGuid() == referral);

        // COM-05: the alternative, once accepted, meets the need the decline left unmet; the ledger keeps the date.
        await fixture.DeliverAsync("unmet-need.ledger", unmet);
        Assert.Empty(await fixture.OutboxAsync<UnmetNeedResolved>(e => e.UnmetNeedId == unmet.UnmetNeedId));
        var alternativeId = (await alternative.JsonAsync()).GetProperty("id").GetGuid();
        using var therapist = fixture.Client("Therapist", "therapist-alternative");
        (await therapist.PostAsJsonAsync($"/api/therapy/referrals/{alternativeId}/accept", new { acceptedAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
        var resolved = Assert.Single(await fixture.OutboxAsync<UnmetNeedResolved>(e => e.UnmetNeedId == unmet.UnmetNeedId));
        Assert.Equal(Support.ServiceDefaults.Time.London.DateOf(fixture.Now), resolved.ResolvedOn);
        Assert.Equal("therapist-alternative", resolved.RecordedBy);
        await fixture.DeliverAsync("unmet-need.ledger-resolved", resolved);
        await fixture.DeliverAsync("unmet-need.ledger-resolved", resolved with { ResolvedOn = resolved.ResolvedOn.AddDays(3) });
        await using var db = fixture.CreateDbContext();
        Assert.Equal(resolved.ResolvedOn, (await db.UnmetNeeds.SingleAsync(u => u.UnmetNeedId == unmet.UnmetNeedId)).ResolvedOn);
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_and_a_declined_referral_cannot_be_accepted_or_withdrawn()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2012, 2, 29));
        var referral = await fixture.ReferAsync(youngPerson, await fixture.OfferAsync("Once CAMHS", "Once clinic", "Camhs"));
        using var clinician = fixture.Client("Therapist", "therapist-once");

        using var declined = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline",
            new { reason = "NoCapacity", declinedAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        using var accepted = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, accepted.StatusCode);
        using var withdrawn = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/withdraw",
            new { reason = "NeedMetElsewhere", withdrawnAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withdrawn.StatusCode);
        Assert.Equal(UnmetNeedReason.Waitlisted, Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == youngPerson)).Reason);
    }

    [Fact]
    public async Task An_accepted_referral_uses_capacity_until_it_is_withdrawn_with_a_reason()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2008, 5, 5)); // 18: therapy does not stop at 18 (THR-05)
        var offer = await fixture.OfferAsync("Capacity Counselling", "Counselling", "CounsellingVoluntarySector", capacity: 3);
        var referral = await fixture.ReferAsync(youngPerson, offer);
        using var clinician = fixture.Client("Therapist", "therapist-capacity");
        using var social = fixture.Client("SocialWorker", "sw-capacity");

        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
        Assert.Equal(1, await UsedAsync());

        using var noReason = await social.PostAsJsonAsync($"/api/therapy/referrals/{referral}/withdraw", new { withdrawnAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(new[] { "reason" }, await noReason.ErrorFieldsAsync());
        using var withdrawn = await social.PostAsJsonAsync($"/api/therapy/referrals/{referral}/withdraw",
            new { reason = "MovedAway", withdrawnAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, await UsedAsync());

        async Task<int> UsedAsync()
        {
            var offers = await social.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/therapy/offers");
            var row = offers.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == offer);
            Assert.Equal(3 - row.GetProperty("capacityUsed").GetInt32(), row.GetProperty("capacityRemaining").GetInt32());
            return row.GetProperty("capacityUsed").GetInt32();
        }
    }

    [Fact]
    public async Task Bad_referrals_are_refused_naming_the_field_and_store_nothing()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 8, 8));
        var offer = await fixture.OfferAsync("Bad Input CAMHS", "Bad input clinic", "Camhs");
        using var social = fixture.Client("SocialWorker", "sw-bad");

        async Task<(HttpStatusCode, IReadOnlyList<string>)> Post(object body)
        {
            using var response = await social.PostAsJsonAsync("/api/therapy/referrals", body);
            return (response.StatusCode, await response.ErrorFieldsAsync());
        }
        async Task ExpectAsync(HttpStatusCode status, string field, object body)
        {
            var (actualStatus, fields) = await Post(body);
            Assert.Equal(status, actualStatus);
            Assert.Equal(new[] { field }, fields);
        }
        var valid = new Dictionary<string, object?>
        {
            ["youngPersonId"] = youngPerson, ["offerId"] = offer, ["referredAt"] = "2026-11-17T09:30", ["reason"] = "Needs support.",
        };
        Dictionary<string, object?> With(string key, object? value) => new(valid) { [key] = value };

        await ExpectAsync(HttpStatusCode.BadRequest, "referredAt", With("referredAt", "2027-01-01T09:00"));
        await ExpectAsync(HttpStatusCode.BadRequest, "referredAt", With("referredAt", "17/11/2026"));
        await ExpectAsync(HttpStatusCode.BadRequest, "reason", With("reason", "bad\u0007text"));
        await ExpectAsync(HttpStatusCode.UnprocessableEntity, "youngPersonId", With("youngPersonId", Guid.NewGuid()));
        await ExpectAsync(HttpStatusCode.UnprocessableEntity, "offerId", With("offerId", Guid.NewGuid()));
        // The risk level is never typed: a body that tries is refused as a whole (unknown fields are rejected).
        using var typedRisk = await social.PostAsJsonAsync("/api/therapy/referrals", With("riskLevel", "Low"));
        Assert.Equal(HttpStatusCode.BadRequest, typedRisk.StatusCode);

        var referral = await fixture.ReferAsync(youngPerson, offer);
        using var clinician = fixture.Client("CamhsClinician", "camhs-bad");
        using var numeric = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new { reason = "1", declinedAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        Assert.Equal(new[] { "reason" }, await numeric.ErrorFieldsAsync());

        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.Referrals.CountAsync(r => r.YoungPersonId == youngPerson));
    }

    [Fact]
    public async Task Only_clinicians_decide_and_commissioners_reach_no_young_persons_referrals()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 9, 9));
        var referral = await fixture.ReferAsync(youngPerson, await fixture.OfferAsync("Roles CAMHS", "Roles clinic", "Camhs"));

        using var social = fixture.Client("SocialWorker");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") })).StatusCode);
        using var commissioner = fixture.Client("Commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/therapy/young-people/{youngPerson}/referrals")).StatusCode);
        using var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/therapy/offers")).StatusCode);

        var list = await social.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/therapy/young-people/{youngPerson}/referrals");
        Assert.Single(list.EnumerateArray());
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<Support.ServiceDefaults.Audit.AccessLogEntry>().AnyAsync(a => a.SubjectId == youngPerson));
    }

    [Fact]
    public async Task The_same_provider_registered_twice_at_once_is_one_201_and_422s_naming_the_name_never_a_500()
    {
        // Issue 17 (found by the access-matrix sweep): the duplicate check ran before the insert, so a simultaneous
        // second registration hit the unique index and got a 500.
        var clients = Enumerable.Range(0, 6).Select(i => fixture.Client(i % 2 == 0 ? "TeamManager" : "SeniorManager", $"race-manager-{i}")).ToList();

        var statuses = await Task.WhenAll(clients.Select(async c =>
        {
            using var response = await c.PostAsJsonAsync("/api/therapy/providers", new { name = "Race Counselling" });
            return response.StatusCode;
        }));
        clients.ForEach(c => c.Dispose());

        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.UnprocessableEntity, s));
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.Providers.CountAsync(p => p.Name == "Race Counselling"));
    }
}
