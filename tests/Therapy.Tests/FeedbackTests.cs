using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.Therapy.Features.Feedback;

namespace Support.Therapy.Tests;

/// <summary>THR-07, SL-07: victims' views of the services they received, asked for by text, recorded by a worker, seen individually only by their worker.</summary>
public sealed class FeedbackTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private const string Words = "The woman at Wrenfield House actually believed me";

    /// <summary>A young person with an accepted referral whose first appointment was yesterday.</summary>
    private async Task<(Guid YoungPerson, Guid Referral)> StartedAsync(string offerName, bool started = true)
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 5, 5), "Robyn Tallowmere");
        var referral = await fixture.ReferAsync(youngPerson, await fixture.OfferAsync($"Views {offerName}", offerName, "TraumaTherapy"));
        using var clinician = fixture.Client("Therapist", "therapist-views");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.AddHours(-2).ToString("O") })).EnsureSuccessStatusCode();
        if (started)
        {
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment",
                new { firstAppointmentAt = fixture.Now.AddHours(-1).ToString("O") })).EnsureSuccessStatusCode();
        }
        return (youngPerson, referral);
    }

    private object Views(string moment = "AfterStart", int? listenedTo = 4, int? helped = 5, string? words = Words, bool? workerMaySee = true,
        string? givenAt = null) => new { moment, givenAt = givenAt ?? fixture.Now.AddMinutes(-1).ToString("O"), method = "Sms", listenedTo, helped, words, workerMaySee };

    private object ViewsAt(DateTimeOffset at, string moment = "AfterStart", bool workerMaySee = true, string? words = Words) =>
        Views(moment, words: words, workerMaySee: workerMaySee, givenAt: at.ToString("O"));

    private async Task<HttpResponseMessage> RecordAsync(Guid referral, object body, string role = "Therapist", string user = "therapist-views")
    {
        using var worker = fixture.Client(role, user);
        return await worker.PostAsJsonAsync($"/api/therapy/referrals/{referral}/feedback", body);
    }

    [Fact]
    public async Task Starting_an_offer_and_ending_its_episode_each_text_the_young_person_a_discreet_request_for_their_views()
    {
        var (youngPerson, referral) = await StartedAsync("Sms clinic");
        var texts = await fixture.OutboxAsync<SendSms>(s => s.YoungPersonId == youngPerson);
        var afterStart = Assert.Single(texts);
        Assert.Equal(RequestFeedback.AfterStartText, afterStart.Body);
        Assert.Equal("service:therapy", afterStart.RequestedBy);

        using var clinician = fixture.Client("Therapist", "therapist-views");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/close-episode",
            new { closedAt = fixture.Now.ToString("O"), reason = "Completed", onwardArrangement = "NoneNeeded" })).EnsureSuccessStatusCode();
        texts = await fixture.OutboxAsync<SendSms>(s => s.YoungPersonId == youngPerson);
        Assert.Equal(new[] { RequestFeedback.AfterStartText, RequestFeedback.AtEndText }.Order(), texts.Select(t => t.Body).Order());
        // SL-04: a text may be read by someone else; it names no service, no therapy, no offer and no provider.
        foreach (var text in texts)
        {
            foreach (var telling in new[] { "therapy", "camhs", "counsel", "trauma", "clinic", "Sms clinic", "Views", "abuse", "CSE" })
            {
                Assert.DoesNotContain(telling, text.Body, StringComparison.OrdinalIgnoreCase);
            }
            Assert.True(text.Body.Length <= 160, "one GSM-7 segment");
            Assert.All(text.Body, c => Assert.True(c is >= ' ' and <= '~', $"'{c}' is not plain GSM-7 text"));
        }
    }

    [Fact]
    public async Task Recorded_views_are_corrected_as_a_new_version_with_a_reason_the_lists_and_report_count_the_latest_and_the_first_stays()
    {
        var (youngPerson, referral) = await StartedAsync("Correction clinic");
        using var recorded = await RecordAsync(referral, Views(listenedTo: 2, helped: 5));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var first = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var worker = fixture.Client("Therapist", "therapist-views");
        var url = $"/api/therapy/feedback/{first}/corrections";

        using var noReason = await worker.PostAsJsonAsync(url, new { listenedTo = 4, helped = 5, words = Words, workerMaySee = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.ErrorFieldsAsync());
        using var outOfRange = await worker.PostAsJsonAsync(url, new { listenedTo = 9, workerMaySee = true, reason = "Typo" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("listenedTo", await outOfRange.ErrorFieldsAsync());
        // Someone who may not see the answer is told nothing about it.
        using var stranger = fixture.Client("Therapist", "another-therapist");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(url, new { listenedTo = 4, workerMaySee = true, reason = "Typo" })).StatusCode);

        using var corrected = await worker.PostAsJsonAsync(url, new { listenedTo = 4, helped = 5, words = Words, workerMaySee = true, reason = "She said 4, not 2: typed wrongly." });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correction = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, correction.GetProperty("corrects").GetGuid());
        // Only the latest version is corrected.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync(url, new { listenedTo = 3, workerMaySee = true, reason = "Again" })).StatusCode);

        var listed = await worker.GetFromJsonAsync<JsonElement>($"/api/therapy/young-people/{youngPerson}/feedback");
        var answer = Assert.Single(listed.GetProperty("answers").EnumerateArray());
        Assert.Equal((4, "She said 4, not 2: typed wrongly."), (answer.GetProperty("listenedTo").GetInt32(), answer.GetProperty("correctionReason").GetString()));
        await using var db = fixture.CreateDbContext();
        var versions = await db.Feedback.Where(f => f.ReferralId == referral).OrderBy(f => f.RecordedAt).ThenBy(f => f.Corrects != null).ToListAsync();
        Assert.Equal(new int?[] { 2, 4 }, versions.Select(v => v.ListenedTo));
        Assert.Equal(1, await db.CurrentFeedback.CountAsync(f => f.ReferralId == referral));
    }

    [Fact]
    public async Task Views_given_while_waiting_and_after_a_decline_are_recorded_only_within_those_moments_and_counted_under_them()
    {
        // Waiting: accepted two hours ago, referred yesterday, not yet seen.
        var (_, waiting) = await StartedAsync("Waiting views clinic", started: false);
        using (var beforeReferral = await RecordAsync(waiting, ViewsAt(fixture.Now.AddDays(-2), moment: "WhileWaiting")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeReferral.StatusCode);
            Assert.Equal(new[] { "givenAt" }, await beforeReferral.ErrorFieldsAsync());
        }
        using (var notDeclined = await RecordAsync(waiting, ViewsAt(fixture.Now.AddMinutes(-3), moment: "AfterDecline")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notDeclined.StatusCode);
            Assert.Equal(new[] { "moment" }, await notDeclined.ErrorFieldsAsync());
        }
        using (var whileWaiting = await RecordAsync(waiting, ViewsAt(fixture.Now.AddMinutes(-3), moment: "WhileWaiting")))
        {
            Assert.Equal(HttpStatusCode.Created, whileWaiting.StatusCode);
            Assert.Equal("WhileWaiting", (await whileWaiting.JsonAsync()).GetProperty("moment").GetString());
        }
        // Seen an hour ago: views given after that are about the offer that started, not the wait.
        var (_, started) = await StartedAsync("Seen views clinic");
        using (var afterSeen = await RecordAsync(started, ViewsAt(fixture.Now.AddMinutes(-30), moment: "WhileWaiting")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, afterSeen.StatusCode);
            Assert.Equal(new[] { "givenAt" }, await afterSeen.ErrorFieldsAsync());
        }

        // Declined an hour ago, by the key worker who hears what being turned away was like.
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2011, 7, 7), "Ashby Turned");
        var declinedOffer = await fixture.OfferAsync("Views Declined clinic", "Declined clinic", "Camhs");
        var declined = await fixture.ReferAsync(youngPerson, declinedOffer);
        using (var clinician = fixture.Client("CamhsClinician", "camhs-views"))
        {
            (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{declined}/decline", new
            {
                reason = "BelowThreshold", cseHistoryConsidered = true, declinedAt = fixture.Now.AddHours(-1).ToString("O"),
            })).EnsureSuccessStatusCode();
        }
        using (var beforeDecline = await RecordAsync(declined, ViewsAt(fixture.Now.AddHours(-2), moment: "AfterDecline"), "SocialWorker", "sw-views"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeDecline.StatusCode);
            Assert.Equal(new[] { "givenAt" }, await beforeDecline.ErrorFieldsAsync());
        }
        using (var noLongerWaiting = await RecordAsync(declined, ViewsAt(fixture.Now.AddMinutes(-30), moment: "WhileWaiting"), "SocialWorker", "sw-views"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noLongerWaiting.StatusCode);
            Assert.Equal(new[] { "givenAt" }, await noLongerWaiting.ErrorFieldsAsync());
        }
        (await RecordAsync(declined, ViewsAt(fixture.Now.AddMinutes(-10), moment: "AfterDecline"), "SocialWorker", "sw-views")).EnsureSuccessStatusCode();
        // Given before the decision and written down after it: still the wait.
        (await RecordAsync(declined, ViewsAt(fixture.Now.AddHours(-3), moment: "WhileWaiting"), "SocialWorker", "sw-views")).EnsureSuccessStatusCode();

        using var auditor = fixture.Client("Auditor");
        var report = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/feedback?year=2026-27");
        Assert.Equal(3, report.GetProperty("counts").GetProperty("report").GetProperty("version").GetInt32());
        var byMoment = report.GetProperty("counts").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "answersByOfferAndMoment");
        Assert.Equal(new[] { "AfterStart", "AtEnd", "WhileWaiting", "AfterDecline" },
            byMoment.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()));
        int[] Cells(string label) => [.. byMoment.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label)
            .GetProperty("cells").EnumerateArray().Select(c => c.GetInt32())];
        Assert.Equal([0, 0, 1, 1], Cells("Views Declined clinic: Declined clinic"));
        Assert.Equal([0, 0, 1, 0], Cells("Views Waiting views clinic: Waiting views clinic"));
    }

    [Fact]
    public async Task Views_are_recorded_once_per_referral_and_moment_by_the_token_and_the_server_clock_only_after_the_moment_came()
    {
        var (youngPerson, referral) = await StartedAsync("Once clinic");
        using var recorded = await RecordAsync(referral, ViewsAt(fixture.Now.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.JsonAsync();
        Assert.Equal("therapist-views", body.GetProperty("recordedBy").GetString());
        Assert.Equal(fixture.Now, body.GetProperty("recordedAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(Words, body.GetProperty("words").GetString());
        Assert.Equal(youngPerson, body.GetProperty("youngPersonId").GetGuid());

        using var twice = await RecordAsync(referral, ViewsAt(fixture.Now.AddMinutes(-4), words: "Different words"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);

        // "At the end" needs the episode closed; "after the start" cannot come before the first appointment.
        using var notEnded = await RecordAsync(referral, ViewsAt(fixture.Now.AddMinutes(-3), moment: "AtEnd"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notEnded.StatusCode);
        Assert.Equal(new[] { "moment" }, await notEnded.ErrorFieldsAsync());
        var (_, waiting) = await StartedAsync("Not started clinic", started: false);
        using var notStarted = await RecordAsync(waiting, ViewsAt(fixture.Now.AddMinutes(-3)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notStarted.StatusCode);
        Assert.Equal(new[] { "moment" }, await notStarted.ErrorFieldsAsync());
        var (_, started) = await StartedAsync("Early clinic");
        using var early = await RecordAsync(started, ViewsAt(fixture.Now.AddHours(-3)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(new[] { "givenAt" }, await early.ErrorFieldsAsync());
        using var unknown = await RecordAsync(Guid.NewGuid(), ViewsAt(fixture.Now.AddMinutes(-3)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Append-only in the database itself: an answer is never changed.
        await using var db = fixture.CreateDbContext();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE therapy.service_feedback SET helped = 1"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Feedback.CountAsync(f => f.ReferralId == referral));
    }

    public static TheoryData<string, string> BadViews => new()
    {
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","listenedTo":0,"workerMaySee":true}""", "listenedTo" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":6,"workerMaySee":true}""", "helped" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","workerMaySee":true}""", "listenedTo" },
        { """{"moment":"0","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":3,"workerMaySee":true}""", "moment" },
        { """{"moment":0,"givenAt":"2026-11-18T11:00Z","method":"Sms","helped":3,"workerMaySee":true}""", "moment" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Pigeon","helped":3,"workerMaySee":true}""", "method" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":3}""", "workerMaySee" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":3,"workerMaySee":"yes"}""", "workerMaySee" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":"five","workerMaySee":true}""", "helped" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","words":"hello\u0007there","workerMaySee":true}""", "words" },
        { """{"moment":"AfterStart","givenAt":"2027-01-01T11:00Z","method":"Sms","helped":3,"workerMaySee":true}""", "givenAt" },
        { """{"moment":"AfterStart","givenAt":"2026-11-18T11:00Z","method":"Sms","helped":3,"workerMaySee":true,"youngPersonName":"x"}""", "youngPersonName" },
    };

    [Theory]
    [MemberData(nameof(BadViews))]
    public async Task Bad_views_are_refused_with_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var (_, referral) = await StartedAsync($"Bad clinic {field} {json.Length}");
        using var worker = fixture.Client("Therapist", "therapist-views");
        using var response = await worker.PostAsync($"/api/therapy/referrals/{referral}/feedback", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync(), StringComparer.OrdinalIgnoreCase);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Feedback.AnyAsync(f => f.ReferralId == referral));
    }

    [Fact]
    public async Task An_individual_answer_is_shown_only_to_the_young_persons_worker_and_only_when_they_agreed()
    {
        var (youngPerson, referral) = await StartedAsync("Consent clinic");
        await fixture.AssignKeyWorkerAsync(youngPerson, "kw-views");
        (await RecordAsync(referral, ViewsAt(fixture.Now.AddMinutes(-30), workerMaySee: true, words: "Shared words"))).EnsureSuccessStatusCode();
        using var clinician = fixture.Client("Therapist", "therapist-views");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/close-episode",
            new { closedAt = fixture.Now.AddMinutes(-20).ToString("O"), reason = "YoungPersonEnded", onwardArrangement = "NoneNeeded" })).EnsureSuccessStatusCode();
        (await RecordAsync(referral, ViewsAt(fixture.Now.AddMinutes(-10), moment: "AtEnd", workerMaySee: false, words: "Private words"),
            role: "SupportLineOperator", user: "line-views")).EnsureSuccessStatusCode();

        async Task<JsonElement> ReadAsync(string role, string user)
        {
            using var client = fixture.Client(role, user);
            using var response = await client.GetAsync($"/api/therapy/young-people/{youngPerson}/feedback");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.JsonAsync();
        }
        static List<string?> WordsOf(JsonElement list) => [.. list.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("words").GetString())];

        var keyWorker = await ReadAsync("SocialWorker", "kw-views");
        Assert.Equal(new[] { "Shared words" }, WordsOf(keyWorker));
        Assert.Equal(1, keyWorker.GetProperty("notShown").GetInt32());
        Assert.Equal(new[] { "Shared words" }, WordsOf(await ReadAsync("Therapist", "therapist-views")));
        // The worker who took down the private answer heard it; it is still not shown back, as the young person asked.
        var takenBy = await ReadAsync("SupportLineOperator", "line-views");
        Assert.Empty(WordsOf(takenBy));
        Assert.Equal(2, takenBy.GetProperty("notShown").GetInt32());
        var otherWorker = await ReadAsync("SocialWorker", "sw-not-theirs");
        Assert.Empty(WordsOf(otherWorker));
        Assert.Equal(2, otherWorker.GetProperty("notShown").GetInt32());
        Assert.Empty(WordsOf(await ReadAsync("TeamManager", "manager-views")));

        foreach (var role in new[] { "Commissioner", "Governance", "Carer", "PoliceLiaison", "DataProtectionOfficer" })
        {
            using var client = fixture.Client(role, $"{role}-views");
            using var read = await client.GetAsync($"/api/therapy/young-people/{youngPerson}/feedback");
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
            using var write = await client.PostAsJsonAsync($"/api/therapy/referrals/{referral}/feedback", Views());
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }
    }
}
