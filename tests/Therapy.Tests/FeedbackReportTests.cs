using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Support.Therapy.Tests;

/// <summary>THR-07, COM-04: views aggregated per provider and offer for commissioners, suppressed, without a word or an id.</summary>
public sealed class FeedbackReportTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private const string Words = "Nobody at Quillby Lodge ever rang me back";

    private async Task<(Guid YoungPerson, Guid Referral)> AnswerAsync(Guid offer, int? listenedTo, int? helped, int n)
    {
        var youngPerson = await fixture.RegisterAsync(new DateOnly(2010, 2, 2), $"Sasha Ormskirk{n}");
        var referral = await fixture.ReferAsync(youngPerson, offer);
        using var clinician = fixture.Client("CamhsClinician", "camhs-report-views");
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/accept", new { acceptedAt = fixture.Now.AddHours(-3).ToString("O") })).EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/first-appointment",
            new { firstAppointmentAt = fixture.Now.AddHours(-2).ToString("O") })).EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/feedback", new
        {
            moment = "AfterStart", givenAt = fixture.Now.AddHours(-1).ToString("O"), method = "InPerson", listenedTo, helped, words = $"{Words} {n}",
            workerMaySee = n % 2 == 0,
        })).EnsureSuccessStatusCode();
        return (youngPerson, referral);
    }

    private static JsonElement Table(JsonElement report, string name) =>
        report.GetProperty("counts").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static JsonElement Row(JsonElement table, string label) =>
        table.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label);

    private static JsonElement Mean(JsonElement report, string offer, string question) =>
        report.GetProperty("means").EnumerateArray().Single(m => m.GetProperty("offer").GetString() == offer && m.GetProperty("question").GetString() == question);

    [Fact]
    public async Task A_year_before_any_views_were_recorded_is_no_data_not_zero()
    {
        using var commissioner = fixture.Client("Commissioner", "commissioner-views");
        var report = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/feedback?year=2019-20");
        Assert.Equal(JsonValueKind.Object, report.GetProperty("counts").GetProperty("noData").ValueKind);
        Assert.Empty(report.GetProperty("counts").GetProperty("tables").EnumerateArray());
        using var backwards = await commissioner.GetAsync("/api/therapy/reports/feedback?year=2026-25");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(new[] { "year" }, await backwards.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Views_are_counted_per_offer_by_score_with_small_numbers_suppressed_and_no_words_or_ids_for_commissioners()
    {
        var busy = await fixture.OfferAsync("Northgate Counselling", "Group room", "CounsellingVoluntarySector");
        var quiet = await fixture.OfferAsync("Hollins CAMHS", "Home visits", "Camhs");
        var seeded = new List<(Guid YoungPerson, Guid Referral)>();
        for (var i = 0; i < 6; i++)
        {
            seeded.Add(await AnswerAsync(busy, listenedTo: null, helped: 4, n: i));
        }
        seeded.Add(await AnswerAsync(quiet, listenedTo: 2, helped: null, n: 10));
        seeded.Add(await AnswerAsync(quiet, listenedTo: 2, helped: null, n: 11));

        using var auditor = fixture.Client("Auditor", "auditor-views");
        var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/feedback?year=2026-27");
        Assert.Equal("therapy-feedback", exact.GetProperty("counts").GetProperty("report").GetProperty("name").GetString());
        Assert.Equal("FeedbackAnswers", exact.GetProperty("counts").GetProperty("report").GetProperty("countingUnit").GetString());
        Assert.Equal("Exact", exact.GetProperty("counts").GetProperty("disclosure").GetString());
        Assert.Equal(6, Row(Table(exact, "helpedByOfferAndScore"), "Northgate Counselling: Group room").GetProperty("cells")[3].GetInt32());
        Assert.Equal(2, Row(Table(exact, "listenedToByOfferAndScore"), "Hollins CAMHS: Home visits").GetProperty("cells")[1].GetInt32());
        Assert.Equal(2, Row(Table(exact, "answersByOfferAndMoment"), "Hollins CAMHS: Home visits").GetProperty("cells")[0].GetInt32());
        Assert.Equal(2.00m, Mean(exact, "Hollins CAMHS: Home visits", "listenedTo").GetProperty("mean").GetDecimal());

        using var commissioner = fixture.Client("Commissioner", "commissioner-views");
        using var response = await commissioner.GetAsync("/api/therapy/reports/feedback?year=2026-27");
        var text = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Suppressed", report.GetProperty("counts").GetProperty("disclosure").GetString());
        var quietRow = Row(Table(report, "listenedToByOfferAndScore"), "Hollins CAMHS: Home visits");
        Assert.Equal("c", quietRow.GetProperty("cells")[1].GetString());
        Assert.Equal("c", quietRow.GetProperty("total").GetString());
        Assert.Equal("c", Row(Table(report, "answersByOfferAndMoment"), "Hollins CAMHS: Home visits").GetProperty("cells")[0].GetString());
        // A mean beside a hidden count would give the count back: withheld.
        var quietMean = Mean(report, "Hollins CAMHS: Home visits", "listenedTo");
        Assert.Equal(JsonValueKind.Null, quietMean.GetProperty("mean").ValueKind);
        Assert.Contains("suppressed", quietMean.GetProperty("withheld").GetString());
        // Six answers, all 4, on an offer no one else answered that question for: nothing to hide, so the mean is shown.
        Assert.Equal(6, Row(Table(report, "helpedByOfferAndScore"), "Northgate Counselling: Group room").GetProperty("cells")[3].GetInt32());
        Assert.Equal(4.00m, Mean(report, "Northgate Counselling: Group room", "helped").GetProperty("mean").GetDecimal());

        using var csv = await commissioner.GetAsync("/api/therapy/reports/feedback?year=2026-27&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = await csv.Content.ReadAsStringAsync();
        Assert.Contains("listenedToByOfferAndScore", lines);
        // COM-04: no field a commissioner receives is a child-level one (AccessTests in Hardening holds the whole list).
        foreach (var field in new[] { "\"words\"", "\"text\"", "\"youngPersonId\"", "\"referralId\"", "\"recordedBy\"" })
        {
            Assert.DoesNotContain(field, text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var body in new[] { text, lines })
        {
            Assert.DoesNotContain("Quillby", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Ormskirk", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("camhs-report-views", body, StringComparison.Ordinal);
            foreach (var (youngPerson, referral) in seeded)
            {
                Assert.DoesNotContain(youngPerson.ToString(), body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(referral.ToString(), body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
