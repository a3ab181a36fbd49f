using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Domain;
using Support.Outreach.Features.Prevention;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-09: prevention sessions are recorded with their evaluation and counted in a report whose small numbers are suppressed.</summary>
public sealed class PreventionSessionTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private static Dictionary<string, object?> Session(string setting = "School", string heldOn = "2026-01-20", int? attendees = 30,
        decimal? before = 4.2m, decimal? after = 7.1m, int followUps = 1) => new()
    {
        ["setting"] = setting,
        ["audience"] = setting == "School" ? "Pupils" : "Parents",
        ["venue"] = setting == "School" ? "Wingfield Academy" : "Eastwood Community Centre",
        ["heldOn"] = heldOn,
        ["attendees"] = attendees,
        ["programme"] = "Healthy relationships (Year 9)",
        ["topics"] = new[] { "grooming", "online safety", "consent" },
        ["evaluationBefore"] = before,
        ["evaluationAfter"] = after,
        ["evaluationResponses"] = attendees is null ? null : Math.Clamp(attendees.Value, 1, 20),
        ["followUpReferrals"] = followUps,
    };

    private static async Task<PreventionSessionResponse> RecordAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/prevention-sessions") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<PreventionSessionResponse>();
    }

    [Fact]
    public async Task A_session_is_recorded_with_its_evaluation_once_and_bad_input_names_the_field()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-prevention");

        var session = await RecordAsync(worker, Session(), "prev-1");
        var again = await RecordAsync(worker, Session(), "prev-1");

        Assert.Equal(session.Id, again.Id);
        Assert.Equal((SessionSetting.School, AudienceType.Pupils, new DateOnly(2026, 1, 20), 30, 2.9m, "ow-prevention"),
            (session.Setting, session.Audience, session.HeldOn, session.Attendees, session.EvaluationChange!.Value, session.RecordedBy));
        Assert.Equal(["grooming", "online safety", "consent"], session.Topics);
        Assert.Equal(session.Id, (await worker.GetFromJsonAsync<PreventionSessionResponse>($"/api/outreach/prevention-sessions/{session.Id}", OutreachFixture.Json))!.Id);

        async Task<IReadOnlyList<string>> FieldsAsync(Dictionary<string, object?> body)
        {
            using var response = await worker.PostAsJsonAsync("/api/outreach/prevention-sessions", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ErrorFieldsAsync();
        }
        Assert.Equal(["attendees"], await FieldsAsync(Session(attendees: 0)));
        Assert.Equal(["evaluationAfter"], await FieldsAsync(Session(after: null)));
        Assert.Equal(["evaluationBefore"], await FieldsAsync(Session(before: 11m, after: 5m)));
        Assert.Equal(["heldOn"], await FieldsAsync(Session(heldOn: "2026-01-31")));
        Assert.Equal(["setting"], await FieldsAsync(Session(setting: "0")));
        Assert.Equal(["followUpReferrals"], await FieldsAsync(Session(followUps: 31)));
        var unknown = Session();
        unknown["pupilNames"] = "x";
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("/api/outreach/prevention-sessions", unknown)).StatusCode);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "comm-prevention");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/outreach/prevention-sessions")).StatusCode);
    }

    [Fact]
    public async Task The_report_counts_sessions_attendees_and_follow_up_referrals_per_setting_and_month_suppressing_small_numbers()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-prevention-report");
        await RecordAsync(worker, Session(heldOn: "2025-11-03", attendees: 25, followUps: 0));
        await RecordAsync(worker, Session(heldOn: "2025-11-10", attendees: 28, before: 5m, after: 6m, followUps: 2));
        await RecordAsync(worker, Session(heldOn: "2025-11-17", attendees: 22, before: null, after: null, followUps: 0));
        await RecordAsync(worker, Session(setting: "Community", heldOn: "2025-10-31", attendees: 12, followUps: 0));

        async Task<PreventionReport.Response> ReportAsync(string role)
        {
            using var reader = fixture.Host.ClientFor(role, $"{role}-prevention");
            using var response = await reader.GetAsync("/api/outreach/reports/prevention?from=2025-10&to=2025-11");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadAsync<PreventionReport.Response>();
        }
        var commissioner = await ReportAsync(Roles.Commissioner);
        var auditor = await ReportAsync(Roles.Auditor);

        Assert.Equal(["2025-10", "2025-11"], commissioner.Months);
        var school = auditor.Settings.Single(s => s.Setting == SessionSetting.School);
        var november = school.Months.Single(m => m.Month == "2025-11");
        Assert.Equal((3, 75, 2), (november.Sessions.Value!.Value, november.Attendees.Value!.Value, november.FollowUpReferrals.Value!.Value));
        Assert.Equal((2, 4.6m, 6.55m, 1.95m), (school.Evaluation.EvaluatedSessions.Value!.Value, school.Evaluation.MeanBefore!.Value,
            school.Evaluation.MeanAfter!.Value, school.Evaluation.MeanChange!.Value));
        Assert.Equal(4, auditor.Total.Sessions.Value);

        var suppressedSchool = commissioner.Settings.Single(s => s.Setting == SessionSetting.School);
        var suppressedNovember = suppressedSchool.Months.Single(m => m.Month == "2025-11");
        Assert.True(suppressedNovember.Sessions.IsSuppressed && suppressedNovember.FollowUpReferrals.IsSuppressed);
        Assert.Equal(75, suppressedNovember.Attendees.Value);
        Assert.Equal(0, suppressedSchool.Months.Single(m => m.Month == "2025-10").Sessions.Value);
        Assert.True(suppressedSchool.Evaluation.EvaluatedSessions.IsSuppressed);
        Assert.Null(suppressedSchool.Evaluation.MeanBefore);
        Assert.Equal(Disclosure.Suppressed, commissioner.Disclosure);
        using var bad = await fixture.Host.ClientFor(Roles.TeamManager, "tm-prevention").GetAsync("/api/outreach/reports/prevention?from=2025-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
