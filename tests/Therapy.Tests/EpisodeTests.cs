using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Therapy;
using Support.Contracts.UnmetNeeds;
using Support.Therapy.Domain;
using Support.Therapy.Features.Referrals;

namespace Support.Therapy.Tests;

/// <summary>THR-05: therapy does not stop at 18; an episode closes only with a reason and an onward arrangement.</summary>
public sealed class EpisodeTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private AdultTransitionJob Job => fixture.Host.Services.GetRequiredService<AdultTransitionJob>();

    /// <summary>A referral to <paramref name="offer"/> made and accepted today, through the API.</summary>
    private async Task<Guid> AcceptedAsync(Guid youngPerson, Guid offer)
    {
        var referral = await fixture.ReferAsync(youngPerson, offer);
        using var clinician = fixture.Client("CamhsClinician", "camhs-episodes");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
        return referral;
    }

    private async Task<HttpResponseMessage> CloseAsync(Guid referral, object body)
    {
        using var clinician = fixture.Client("CamhsClinician", "camhs-closer");
        return await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/close-episode", body);
    }

    private async Task<JsonElement> ReferralAsync(Guid youngPerson, Guid referral)
    {
        using var social = fixture.Client("SocialWorker", "sw-episodes");
        var list = await social.GetFromJsonAsync<JsonElement>($"/api/therapy/young-people/{youngPerson}/referrals");
        return list.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referral);
    }

    [Fact]
    public async Task An_episode_stays_open_past_the_18th_birthday_and_a_closure_without_a_fitting_onward_arrangement_is_refused_naming_the_field()
    {
        // 18 in four weeks' time.
        var youngPerson = await fixture.RegisterAsync(fixture.Today.AddDays(28).AddYears(-18));
        var offer = await fixture.OfferAsync("Episodes CAMHS", "Past-18 clinic", "Camhs", capacity: 5);
        var referral = await AcceptedAsync(youngPerson, offer);
        var accepted = Assert.Single(await fixture.OutboxAsync<TherapyReferralAccepted>(e => e.ReferralId == referral));
        Assert.Equal(youngPerson, accepted.YoungPersonId);
        Assert.Equal(OfferType.Camhs, accepted.OfferType);

        fixture.Clock.Advance(TimeSpan.FromDays(60));
        var after18 = await ReferralAsync(youngPerson, referral);
        Assert.True(after18.GetProperty("episode").GetProperty("open").GetBoolean(), "turning 18 never closes an episode");

        var now = fixture.Now.ToString("O");
        foreach (var (body, status, field) in new (object, HttpStatusCode, string)[]
        {
            (new { closedAt = now, reason = "Disengaged" }, HttpStatusCode.BadRequest, "onwardArrangement"),
            (new { closedAt = now, reason = "TurnedEighteen", onwardArrangement = "NoneNeeded" }, HttpStatusCode.BadRequest, "reason"),
            (new { closedAt = now, reason = "Disengaged", onwardArrangement = 5 }, HttpStatusCode.BadRequest, "onwardArrangement"),
            (new { closedAt = now, reason = "Disengaged", onwardArrangement = "NoneNeeded" }, HttpStatusCode.UnprocessableEntity, "onwardArrangement"),
            (new { closedAt = now, reason = "TransferredToAdultService", onwardArrangement = "GeneralPractitioner" }, HttpStatusCode.UnprocessableEntity, "onwardArrangement"),
            (new { closedAt = now, reason = "MovedAway", onwardArrangement = "OtherService" }, HttpStatusCode.UnprocessableEntity, "onwardDetails"),
            (new { closedAt = fixture.Now.AddDays(-90).ToString("O"), reason = "Completed", onwardArrangement = "NoneNeeded" }, HttpStatusCode.UnprocessableEntity, "closedAt"),
            (new { closedAt = fixture.Now.AddDays(3).ToString("O"), reason = "Completed", onwardArrangement = "NoneNeeded" }, HttpStatusCode.BadRequest, "closedAt"),
        })
        {
            using var refused = await CloseAsync(referral, body);
            Assert.Equal(status, refused.StatusCode);
            Assert.Equal(new[] { field }, await refused.ErrorFieldsAsync());
        }

        Assert.True((await ReferralAsync(youngPerson, referral)).GetProperty("episode").GetProperty("open").GetBoolean());
        Assert.Empty(await fixture.OutboxAsync<TherapyEpisodeClosed>(e => e.ReferralId == referral));
        using var social = fixture.Client("SocialWorker", "sw-not-clinician");
        using var notAClinician = await social.PostAsJsonAsync($"/api/therapy/referrals/{referral}/close-episode",
            new { closedAt = now, reason = "Completed", onwardArrangement = "NoneNeeded" });
        Assert.Equal(HttpStatusCode.Forbidden, notAClinician.StatusCode);
    }

    [Fact]
    public async Task Closing_at_18_with_no_onward_service_available_is_recorded_as_unmet_need_and_frees_the_place()
    {
        var youngPerson = await fixture.RegisterAsync(fixture.Today.AddDays(-10).AddYears(-18));
        var offer = await fixture.OfferAsync("Episodes CAMHS", "Unmet clinic", "Camhs", capacity: 4);
        var referral = await AcceptedAsync(youngPerson, offer);
        Assert.Equal(1, await UsedAsync(offer));

        using var closed = await CloseAsync(referral, new
        {
            closedAt = fixture.Now.ToString("O"), reason = "TransferredToAdultService", onwardArrangement = "NoneAvailable",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.Equal(new[] { "onwardArrangement" }, await closed.ErrorFieldsAsync());

        using var gap = await CloseAsync(referral, new
        {
            closedAt = fixture.Now.ToString("O"), reason = "Disengaged", onwardArrangement = "NoneAvailable",
            onwardDetails = "Adult mental health declined: does not meet criteria.",
        });
        Assert.Equal(HttpStatusCode.OK, gap.StatusCode);
        var episode = (await gap.JsonAsync()).GetProperty("episode");
        Assert.False(episode.GetProperty("open").GetBoolean());
        Assert.Equal("NoneAvailable", episode.GetProperty("onwardArrangement").GetString());
        Assert.Equal("camhs-closer", episode.GetProperty("closedBy").GetString());

        var unmet = Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == youngPerson));
        Assert.Equal(UnmetNeedReason.NoProvider, unmet.Reason);
        Assert.Equal("Camhs", unmet.NeedCategory);
        Assert.Equal(episode.GetProperty("unmetNeedId").GetGuid(), unmet.UnmetNeedId);
        var announced = Assert.Single(await fixture.OutboxAsync<TherapyEpisodeClosed>(e => e.ReferralId == referral));
        Assert.Equal(18, announced.AgeAtClosing);
        Assert.Equal(unmet.UnmetNeedId, announced.UnmetNeedId);
        Assert.Equal(EpisodeEndReason.Disengaged, announced.Reason);
        Assert.Equal(0, await UsedAsync(offer));

        using var again = await CloseAsync(referral, new { closedAt = fixture.Now.ToString("O"), reason = "Completed", onwardArrangement = "NoneNeeded" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        // A closed episode stays closed: it cannot be withdrawn afterwards, nor a first appointment recorded in it.
        using var social = fixture.Client("SocialWorker", "sw-after-close");
        using var withdrawn = await social.PostAsJsonAsync($"/api/therapy/referrals/{referral}/withdraw", new { reason = "MovedAway", withdrawnAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withdrawn.StatusCode);
        using var clinician = fixture.Client("CamhsClinician", "camhs-after-close");
        using var seen = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment", new { firstAppointmentAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, seen.StatusCode);
        Assert.Equal("Accepted", (await ReferralAsync(youngPerson, referral)).GetProperty("status").GetString());
        Assert.Single(await fixture.OutboxAsync<TherapyEpisodeClosed>(e => e.ReferralId == referral));
    }

    [Fact]
    public async Task A_completed_episode_with_an_onward_service_records_no_unmet_need()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 5, 5));
        var referral = await AcceptedAsync(youngPerson, await fixture.OfferAsync("Episodes CAMHS", "Completed clinic", "Camhs"));
        using var closed = await CloseAsync(referral, new
        {
            closedAt = fixture.Now.ToString("O"), reason = "Completed", onwardArrangement = "OtherService", onwardDetails = "School counsellor weekly.",
        });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("School counsellor weekly.", (await closed.JsonAsync()).GetProperty("episode").GetProperty("onwardDetails").GetString());
        Assert.Empty(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == youngPerson));
        Assert.Null(Assert.Single(await fixture.OutboxAsync<TherapyEpisodeClosed>(e => e.ReferralId == referral)).UnmetNeedId);
    }

    [Fact]
    public async Task A_camhs_episode_gets_one_transition_task_from_six_months_before_the_18th_birthday_listing_adult_offers()
    {
        var camhs = await fixture.OfferAsync("Transition CAMHS", "Transition clinic", "Camhs", maximumAge: 18);
        var adult = await fixture.OfferAsync("Transition adult", "Adult psychology", "AdultMentalHealth", minimumAge: 18, maximumAge: null);
        var counselling = await fixture.OfferAsync("Transition counselling", "Young adult counselling", "CounsellingVoluntarySector", minimumAge: 16);
        // Six months before the 18th birthday is today: in. One day younger: not yet. Closed: never.
        var atEdge = await fixture.RegisterAsync(fixture.Today.AddMonths(6).AddYears(-18));
        var dayShort = await fixture.RegisterAsync(fixture.Today.AddMonths(6).AddYears(-18).AddDays(1));
        var closed = await fixture.RegisterAsync(fixture.Today.AddMonths(2).AddYears(-18));
        var notCamhs = await fixture.RegisterAsync(fixture.Today.AddMonths(2).AddYears(-18));
        await fixture.AssignKeyWorkerAsync(atEdge, "kw-transition");
        var edgeEpisode = await AcceptedAsync(atEdge, camhs);
        var shortEpisode = await AcceptedAsync(dayShort, camhs);
        var closedEpisode = await AcceptedAsync(closed, camhs);
        await AcceptedAsync(notCamhs, counselling);
        (await CloseAsync(closedEpisode, new { closedAt = fixture.Now.ToString("O"), reason = "Completed", onwardArrangement = "NoneNeeded" })).EnsureSuccessStatusCode();

        await Job.RunOnceAsync(default);
        await Job.RunOnceAsync(default);

        var task = Assert.Single(await TasksAsync(atEdge));
        Assert.Equal(KeyWorkerTask.PlanAdultTransition, task.Kind);
        Assert.Equal(edgeEpisode, task.ReferralId);
        Assert.Equal("kw-transition", task.AssignedTo);
        Assert.Contains(adult, task.FittingOfferIds);
        Assert.Contains(counselling, task.FittingOfferIds);
        Assert.DoesNotContain(camhs, task.FittingOfferIds);
        Assert.Empty(await TasksAsync(dayShort));
        Assert.Empty(await TasksAsync(closed));
        Assert.Empty(await TasksAsync(notCamhs));
        Assert.Equal(task.Id, (await ReferralAsync(atEdge, edgeEpisode)).GetProperty("episode").GetProperty("transitionTaskId").GetGuid());

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunOnceAsync(default);
        Assert.Equal(shortEpisode, Assert.Single(await TasksAsync(dayShort)).ReferralId);

        // The key worker's referral to the adult service, made from the task, completes it; the CAMHS episode stays open.
        using var keyWorker = fixture.Client("SocialWorker", "kw-transition");
        using var onward = await keyWorker.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = atEdge, offerId = adult, referredAt = fixture.Now.ToString("O"), reason = "Transition from CAMHS at 18.", taskId = task.Id,
        });
        Assert.Equal(HttpStatusCode.Created, onward.StatusCode);
        Assert.Equal(KeyWorkerTaskStatus.Done, Assert.Single(await TasksAsync(atEdge)).Status);
        Assert.True((await ReferralAsync(atEdge, edgeEpisode)).GetProperty("episode").GetProperty("open").GetBoolean());
    }

    private async Task<List<KeyWorkerTask>> TasksAsync(Guid youngPerson)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Tasks.AsNoTracking().Where(t => t.YoungPersonId == youngPerson).ToListAsync();
    }

    private async Task<int> UsedAsync(Guid offer)
    {
        using var social = fixture.Client("SocialWorker", "sw-episodes");
        var offers = await social.GetFromJsonAsync<JsonElement>("/api/therapy/offers");
        return offers.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == offer).GetProperty("capacityUsed").GetInt32();
    }
}
