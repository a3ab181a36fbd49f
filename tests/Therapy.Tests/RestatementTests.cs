using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Contracts.UnmetNeeds;
using Support.Testing;

namespace Support.Therapy.Tests;

/// <summary>A clock that starts in the last week of financial year 2025-26, so a referral can be recorded before it closes and after.</summary>
public sealed class YearEndTherapyFixture : TherapyFixture
{
    protected override DateTimeOffset Start => new(2026, 3, 25, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// COM-09: counts are by when a referral was made, so one recorded after its year closed changes that year; a closed
/// year's report says how many did and when the last came, and an open year's says nothing of the kind.
/// </summary>
public sealed class RestatementTests(YearEndTherapyFixture fixture) : IClassFixture<YearEndTherapyFixture>
{
    [Fact]
    public async Task Referrals_recorded_after_their_year_closed_are_named_as_a_restatement_of_it()
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 5, 5), "Late Entry");
        var camhs = await fixture.OfferAsync("Restatement CAMHS", "Restatement clinic", "Camhs");
        using var social = fixture.Client("SocialWorker", "sw-restated");
        async Task ReferAsync(DateTimeOffset referredAt)
        {
            using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
            {
                youngPersonId = youngPerson, offerId = camhs, referredAt = referredAt.ToString("O"), reason = "Nightmares after disclosure.",
            });
            made.EnsureSuccessStatusCode();
        }
        await ReferAsync(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero)); // recorded on 25 March, before the year closed
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
        await ReferAsync(new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.Zero)); // both dated in 2025-26, recorded in November
        await ReferAsync(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero));
        await ReferAsync(new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero)); // this year's

        using var auditor = fixture.Client("Auditor");
        foreach (var report in new[] { "referral-outcomes", "waits" })
        {
            var closed = await auditor.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/{report}?year=2025-26");
            Assert.Equal(report == "waits" ? 3 : 2, closed.GetProperty("report").GetProperty("version").GetInt32());
            var restatement = closed.GetProperty("restatement");
            Assert.Equal(2, restatement.GetProperty("lateEntries").GetInt32());
            Assert.Equal("2026-11-18", restatement.GetProperty("lastRecordedOn").GetString());
            Assert.StartsWith("2 referrals dated in this period were recorded after it ended", restatement.GetProperty("note").GetString());
            var open = await auditor.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/{report}?year=2026-27");
            Assert.False(open.TryGetProperty("restatement", out _), $"{report}: an open year has no restatement");
        }
        var outcomes = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-outcomes?year=2025-26");
        Assert.Equal(3, outcomes.GetProperty("tables")[0].GetProperty("grandTotal").GetInt32());

        using var commissioner = fixture.Client("Commissioner");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-outcomes?year=2025-26");
        Assert.Equal("c", suppressed.GetProperty("restatement").GetProperty("lateEntries").GetString());
        Assert.StartsWith("c referrals dated in this period", suppressed.GetProperty("restatement").GetProperty("note").GetString());
        using var csv = await commissioner.GetAsync("/api/therapy/reports/referral-outcomes?year=2025-26&format=csv");
        Assert.Contains("therapy-referral-outcomes,2,2025-26,Suppressed,restatement,Referrals,LateEntries,2026-11-18,c", await csv.Content.ReadAsStringAsync());
    }
}

/// <summary>COM-09 for the unmet-need ledger, on a clock of its own: a need counts in the year it went unmet.</summary>
public sealed class UnmetNeedRestatementTests(YearEndTherapyFixture fixture) : IClassFixture<YearEndTherapyFixture>
{
    [Fact]
    public async Task Unmet_needs_count_in_the_year_they_went_unmet_and_those_recorded_after_it_closed_restate_it()
    {
        UnmetNeedRecorded Need(DateOnly since) => new()
        {
            UnmetNeedId = Guid.NewGuid(), YoungPersonId = Guid.NewGuid(), NeedCategory = "RestatedAccommodation", Reason = UnmetNeedReason.NotAvailable,
            RecordedByService = "leaving-care", RecordedBy = "pa-restated", OccurredAt = fixture.Clock.GetUtcNow(), Since = since,
        };
        // Waits for the ledger's row, not the inbox's: moving the clock on months lets the inbox forget its old rows.
        async Task DeliverAsync(UnmetNeedRecorded need)
        {
            await fixture.PublishAsync(need);
            await Eventually.TrueAsync(async () =>
            {
                await using var db = fixture.CreateDbContext();
                return await db.UnmetNeeds.AnyAsync(u => u.UnmetNeedId == need.UnmetNeedId);
            }, because: "the unmet need to reach the ledger");
        }
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero));
        await DeliverAsync(Need(new DateOnly(2026, 3, 20))); // refused and recorded before the year closed
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await DeliverAsync(Need(new DateOnly(2026, 3, 10))); // refused in March, recorded in November
        await DeliverAsync(Need(new DateOnly(2026, 3, 31)));
        await DeliverAsync(Need(new DateOnly(2026, 4, 1))); // the first day of this year

        using var auditor = fixture.Client("Auditor");
        static int Count(JsonElement report) => report.GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "byCategoryAndReason").GetProperty("body").EnumerateArray()
            .Single(r => r.GetProperty("label").GetString() == "RestatedAccommodation").GetProperty("total").GetInt32();
        var closed = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need?year=2025-26");
        Assert.Equal(3, closed.GetProperty("report").GetProperty("version").GetInt32());
        Assert.Equal(3, Count(closed));
        var restatement = closed.GetProperty("restatement");
        Assert.Equal((2, "2026-11-19"), (restatement.GetProperty("lateEntries").GetInt32(), restatement.GetProperty("lastRecordedOn").GetString()));
        Assert.StartsWith("2 unmet needs dated in this period were recorded after it ended", restatement.GetProperty("note").GetString());
        var open = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need?year=2026-27");
        Assert.Equal(1, Count(open));
        Assert.False(open.TryGetProperty("restatement", out _), "an open year has no restatement");
    }
}

/// <summary>COM-09 for the triggers report, on a clock of its own: a trigger recorded after its year closed restates it.</summary>
public sealed class TriggerRestatementTests(YearEndTherapyFixture fixture) : IClassFixture<YearEndTherapyFixture>
{
    [Fact]
    public async Task Trigger_records_recorded_after_their_year_closed_restate_it_whichever_service_recorded_them()
    {
        // Waits for the fact's row, not the inbox's: moving the clock on months lets the inbox forget its old rows.
        async Task ReportMissingAsync(DateTimeOffset lastSeenAt, DateTimeOffset recordedAt)
        {
            var episode = new MissingEpisodeReported
            {
                EpisodeId = Guid.NewGuid(), YoungPersonId = Guid.NewGuid(), MissingFrom = MissingFrom.Home, LastSeenAt = lastSeenAt, ReportedAt = recordedAt,
                OccurredAt = recordedAt,
            };
            await fixture.PublishAsync(episode);
            await Eventually.TrueAsync(async () =>
            {
                await using var db = fixture.CreateDbContext();
                return await db.CommissioningFacts.AnyAsync(f => f.SourceId == episode.EpisodeId);
            }, because: "the missing episode to reach the triggers' facts");
        }
        await ReportMissingAsync(new DateTimeOffset(2026, 3, 20, 22, 0, 0, TimeSpan.Zero), fixture.Clock.GetUtcNow()); // on time
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
        await ReportMissingAsync(new DateTimeOffset(2026, 3, 22, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero));
        await ReportMissingAsync(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)); // this year's
        // A CAMHS referral made in March and recorded here in November is a late mental-health referral of 2025-26.
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 2, 2), "Late Trigger");
        var camhs = await fixture.OfferAsync("Late trigger CAMHS", "Late trigger clinic", "Camhs");
        using (var social = fixture.Client("SocialWorker", "sw-late-trigger"))
        using (var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = camhs, referredAt = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero).ToString("O"), reason = "Panic attacks.",
        }))
        {
            made.EnsureSuccessStatusCode();
        }

        using var auditor = fixture.Client("Auditor");
        var closed = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2025-26");
        Assert.Equal(2, closed.GetProperty("report").GetProperty("version").GetInt32());
        Assert.Equal([0, 0, 0, 2], Commissioning.Quarters(closed, "missingEpisodes"));
        var restatement = closed.GetProperty("restatement");
        Assert.Equal((2, "2026-11-18"), (restatement.GetProperty("lateEntries").GetInt32(), restatement.GetProperty("lastRecordedOn").GetString()));
        Assert.StartsWith("2 trigger records dated in this period were recorded after it ended", restatement.GetProperty("note").GetString());
        var open = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2026-27");
        Assert.False(open.TryGetProperty("restatement", out _), "an open year has no restatement");

        using var commissioner = fixture.Client("Commissioner");
        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/cse-triggers?year=2025-26");
        Assert.Equal("c", suppressed.GetProperty("restatement").GetProperty("lateEntries").GetString());
    }
}

/// <summary>COM-09 for the views report, on a clock of its own: an answer given in a closed year and recorded later restates it.</summary>
public sealed class FeedbackRestatementTests(YearEndTherapyFixture fixture) : IClassFixture<YearEndTherapyFixture>
{
    [Fact]
    public async Task An_answer_given_before_the_year_closed_and_recorded_after_it_restates_that_year()
    {
        var counselling = await fixture.OfferAsync("Late views counselling", "Group room", "CounsellingVoluntarySector");
        using var clinician = fixture.Client("CamhsClinician", "camhs-late-views");
        async Task AnswerAsync(int day, string name)
        {
            var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 2, 2), name);
            var at = new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.Zero);
            using var social = fixture.Client("SocialWorker", "sw-late-views");
            using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
            {
                youngPersonId = youngPerson, offerId = counselling, referredAt = at.AddDays(-2).ToString("O"), reason = "Nightmares after disclosure.",
            });
            made.EnsureSuccessStatusCode();
            var referral = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = at.ToString("O") })).EnsureSuccessStatusCode();
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment",
                new { firstAppointmentAt = at.AddHours(1).ToString("O") })).EnsureSuccessStatusCode();
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/feedback", new
            {
                moment = "AfterStart", givenAt = at.AddHours(2).ToString("O"), method = "InPerson", listenedTo = 4, helped = 3, words = "Fine.", workerMaySee = false,
            })).EnsureSuccessStatusCode();
        }
        await AnswerAsync(25, "Rowan Early"); // given and recorded on 25 March, before the year closed
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await AnswerAsync(26, "Rowan Late"); // given on 26 March, recorded in November

        using var auditor = fixture.Client("Auditor");
        var closed = (await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/feedback?year=2025-26")).GetProperty("counts");
        Assert.Equal(3, closed.GetProperty("report").GetProperty("version").GetInt32());
        Assert.Equal(2, closed.GetProperty("tables")[0].GetProperty("grandTotal").GetInt32());
        var restatement = closed.GetProperty("restatement");
        Assert.Equal((1, "2026-11-20"), (restatement.GetProperty("lateEntries").GetInt32(), restatement.GetProperty("lastRecordedOn").GetString()));
        var open = (await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/feedback?year=2026-27")).GetProperty("counts");
        Assert.False(open.TryGetProperty("restatement", out _), "an open year has no restatement");
    }
}
