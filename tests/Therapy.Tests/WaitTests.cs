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

/// <summary>
/// THR-02: the waits report counts in the database by the rule each referral's own wait status states, so the two must
/// agree at the edges: 28 days exactly is within the 4-week target, a second more is past it, and 126 days is a breach.
/// </summary>
public sealed class WaitsReportEdgeTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    [Fact]
    public async Task The_waits_report_bands_each_wait_as_the_referral_itself_does_at_the_4_and_18_week_edges()
    {
        var offer = await fixture.OfferAsync("Edge CAMHS", "Edge clinic", "Camhs", capacity: 50);
        using var social = fixture.Client("SocialWorker", "sw-wait-edges");
        using var clinician = fixture.Client("CamhsClinician", "camhs-wait-edges");
        var now = fixture.Now;
        async Task<Guid> ReferAsync(TimeSpan ago, string then)
        {
            var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 1, 1), $"Edge {ago.TotalSeconds}");
            using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
            {
                youngPersonId = youngPerson, offerId = offer, referredAt = (now - ago).ToString("O"), reason = "Edge test.",
            });
            made.EnsureSuccessStatusCode();
            var referral = (await made.JsonAsync()).GetProperty("id").GetGuid();
            var decision = then == "decline"
                ? await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new
                {
                    reason = "NoCapacity", cseHistoryConsidered = true, declinedAt = now.ToString("O"),
                })
                : await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = (now - ago).ToString("O") });
            decision.EnsureSuccessStatusCode();
            if (then == "seen")
            {
                (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment",
                    new { firstAppointmentAt = (now - ago + TimeSpan.FromDays(28)).ToString("O") })).EnsureSuccessStatusCode();
            }
            return youngPerson;
        }
        var second = TimeSpan.FromSeconds(1);
        var people = new[]
        {
            await ReferAsync(TimeSpan.FromDays(28), "waiting"), // within the target
            await ReferAsync(TimeSpan.FromDays(28) + second, "waiting"), // past it
            await ReferAsync(TimeSpan.FromDays(126) - second, "waiting"), // past it, not yet breached
            await ReferAsync(TimeSpan.FromDays(126), "waiting"), // breached
            await ReferAsync(TimeSpan.FromDays(40), "seen"), // seen 28 days after the referral: within the target
            await ReferAsync(TimeSpan.FromDays(200), "decline"), // ended unseen: no wait
        };

        var statuses = new List<string?>();
        foreach (var person in people)
        {
            var referral = (await social.GetFromJsonAsync<JsonElement>($"/api/therapy/young-people/{person}/referrals")).EnumerateArray().Single();
            statuses.Add(referral.GetProperty("waitStatus").GetString());
        }
        Assert.Equal(["WithinTarget", "PastTarget", "PastTarget", "Breached", "WithinTarget", null], statuses);

        using var auditor = fixture.Client("Auditor");
        var table = (await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/waits?year=2026-27")).GetProperty("tables")[0];
        var camhs = table.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "Camhs");
        Assert.Equal(["SeenWithin4Weeks", "Seen4To18Weeks", "SeenAfter18Weeks", "WaitingUnder4Weeks", "Waiting4To18Weeks", "Waiting18WeeksOrMore"],
            table.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([1, 0, 0, 1, 2, 1], camhs.GetProperty("cells").EnumerateArray().Select(c => c.GetInt32()));

        // The waiting list per provider (version 3): the same four still waiting, under the provider they wait for; a
        // provider with nobody waiting is a row of zeros.
        await fixture.OfferAsync("Edge counselling", "Quiet room", "CounsellingVoluntarySector");
        var report = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/waits?year=2026-27");
        Assert.Equal(3, report.GetProperty("report").GetProperty("version").GetInt32());
        var byProvider = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "waitingByProvider");
        Assert.Equal(["WaitingUnder4Weeks", "Waiting4To18Weeks", "Waiting18WeeksOrMore"], byProvider.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()));
        int[] Cells(string provider) => [.. byProvider.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == provider)
            .GetProperty("cells").EnumerateArray().Select(c => c.GetInt32())];
        Assert.Equal([1, 2, 1], Cells("Edge CAMHS"));
        Assert.Equal([0, 0, 0], Cells("Edge counselling"));
    }
}
