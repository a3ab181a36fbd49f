using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.SupportLine;
using Support.Contracts.UnmetNeeds;
using Support.Therapy.Features.Referrals;

namespace Support.Therapy.Tests;

/// <summary>THR-02 on the injected clock: check-ins every 2 weeks while waiting, and the 18-week breach as unmet need, once.</summary>
public sealed class WaitTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private WaitingWellJob Job => fixture.Host.Services.GetRequiredService<WaitingWellJob>();

    private async Task<(Guid YoungPerson, Guid Referral)> AcceptedReferralAsync(string offerName)
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 1, 1));
        var offer = await fixture.OfferAsync($"Waits {offerName}", offerName, "Camhs", capacity: 50);
        using var social = fixture.Client("SocialWorker", "sw-waits");
        using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = offer, referredAt = fixture.Now.ToString("O"), reason = "Waiting test.",
        });
        made.EnsureSuccessStatusCode();
        var referral = (await made.JsonAsync()).GetProperty("id").GetGuid();
        using var clinician = fixture.Client("CamhsClinician", "camhs-waits");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
        return (youngPerson, referral);
    }

    [Fact]
    public async Task A_young_person_waiting_gets_a_check_in_every_two_weeks_until_the_first_appointment_and_the_first_appointment_ends_the_wait()
    {
        var (youngPerson, referral) = await AcceptedReferralAsync("Check-in clinic");
        async Task<int> TextsAsync() => (await fixture.OutboxAsync<SendSms>(e => e.YoungPersonId == youngPerson && e.Body == WaitingWellJob.CheckInText)).Count;

        fixture.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        await Job.RunOnceAsync(default);
        Assert.Equal(0, await TextsAsync());
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Job.RunOnceAsync(default);
        await Job.RunOnceAsync(default);
        Assert.Equal(1, await TextsAsync());
        var text = Assert.Single(await fixture.OutboxAsync<SendSms>(e => e.YoungPersonId == youngPerson));
        Assert.Equal(WaitingWellJob.CheckInText, text.Body); // nothing else is texted while they wait
        Assert.Equal("service:therapy", text.RequestedBy);

        fixture.Clock.Advance(TimeSpan.FromDays(14));
        await Job.RunOnceAsync(default);
        Assert.Equal(2, await TextsAsync());

        using var clinician = fixture.Client("CamhsClinician", "camhs-waits");
        using var seen = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment", new { firstAppointmentAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var body = await seen.JsonAsync();
        Assert.Equal(28, body.GetProperty("waitDays").GetInt32());
        Assert.Equal("WithinTarget", body.GetProperty("waitStatus").GetString());
        using var again = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment", new { firstAppointmentAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(new[] { "firstAppointmentAt" }, await again.ErrorFieldsAsync());

        fixture.Clock.Advance(TimeSpan.FromDays(30));
        await Job.RunOnceAsync(default);
        Assert.Equal(2, await TextsAsync());
    }

    [Fact]
    public async Task A_wait_reaching_18_weeks_is_recorded_as_waitlisted_unmet_need_once_and_counted_as_a_breach()
    {
        var (youngPerson, referral) = await AcceptedReferralAsync("Breach clinic");
        async Task<List<UnmetNeedRecorded>> BreachesAsync() => await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == youngPerson);

        fixture.Clock.Advance(TimeSpan.FromDays(126) - TimeSpan.FromMinutes(1));
        await Job.RunOnceAsync(default);
        Assert.Empty(await BreachesAsync());
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Job.RunOnceAsync(default);
        await Job.RunOnceAsync(default);

        var breach = Assert.Single(await BreachesAsync());
        Assert.Equal(UnmetNeedReason.Waitlisted, breach.Reason);
        Assert.Equal("Camhs", breach.NeedCategory);
        using var social = fixture.Client("SocialWorker", "sw-waits");
        var list = await social.GetFromJsonAsync<JsonElement>($"/api/therapy/young-people/{youngPerson}/referrals");
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal("Breached", row.GetProperty("waitStatus").GetString());
        Assert.True(row.GetProperty("waitBreachRecorded").GetBoolean());

        using var auditor = fixture.Client("Auditor");
        var report = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/waits?year=2026-27");
        var table = report.GetProperty("tables")[0];
        var column = table.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("Waiting18WeeksOrMore");
        var camhs = table.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "Camhs");
        Assert.True(camhs.GetProperty("cells")[column].GetInt32() >= 1);
        Assert.Equal(referral, row.GetProperty("id").GetGuid());

        // COM-05: being seen at last meets the need; the ledger keeps it with the date it was met.
        await fixture.DeliverAsync("unmet-need.ledger", breach);
        using var clinician = fixture.Client("CamhsClinician", "camhs-seen-late");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment", new { firstAppointmentAt = fixture.Now.ToString("O") })).EnsureSuccessStatusCode();
        var resolved = Assert.Single(await fixture.OutboxAsync<UnmetNeedResolved>(e => e.UnmetNeedId == breach.UnmetNeedId));
        Assert.Equal(Support.ServiceDefaults.Time.London.DateOf(fixture.Now), resolved.ResolvedOn);
        await fixture.DeliverAsync("unmet-need.ledger-resolved", resolved);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(resolved.ResolvedOn, (await db.UnmetNeeds.SingleAsync(u => u.UnmetNeedId == breach.UnmetNeedId)).ResolvedOn);
    }

    [Fact]
    public async Task A_first_appointment_needs_an_accepted_referral()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2012, 12, 12));
        var referral = await fixture.ReferAsync(youngPerson, await fixture.OfferAsync("Waits Open", "Open clinic", "Camhs"));
        using var clinician = fixture.Client("CamhsClinician", "camhs-open");
        using var early = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment", new { firstAppointmentAt = fixture.Now.ToString("O") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(new[] { "firstAppointmentAt" }, await early.ErrorFieldsAsync());
    }
}
