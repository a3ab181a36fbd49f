using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Referrals;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-04: time from receipt to decision, by CSE type, for managers. Each test has its own host and database, so the
/// counts are exactly the referrals it made.
/// </summary>
public sealed class DecisionTimesReportTests
{
    // Monday 29 June 2026 23:30 UTC is 00:30 on Tuesday 30 June in London (BST).
    private static readonly DateTimeOffset Start = new(2026, 6, 29, 23, 30, 0, TimeSpan.Zero);

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, string query) =>
        await client.GetAsync($"/api/referrals/reports/decision-times{query}");

    private static async Task<DecisionTimesReport.Response> ReadReportAsync(HttpClient client, string query)
    {
        using var response = await ReportAsync(client, query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DecisionTimesReport.Response>(ReferralRequests.Json))!;
    }

    [Fact]
    public async Task The_report_gives_hours_to_decision_lateness_and_escalations_by_CSE_type_for_a_London_date()
    {
        await using var host = await ReferralsHostAt.StartAsync(Start);
        using var worker = host.Host.ClientFor(Roles.SocialWorker);
        // Three young people: a second referral of the same one would be a re-referral for a manager (REF-20).
        var people = new List<Guid>();
        foreach (var family in new[] { "Quick", "Late", "Waiting" })
        {
            people.Add((await worker.RegisterAsync(YoungPersonRequests.Valid("Report", family, "2011-03-01"))).Id);
        }
        var quick = await worker.ReferAsync(ReferralRequests.For(people[0], Start.AddHours(-1)));
        var late = await worker.ReferAsync(ReferralRequests.For(people[1], Start.AddHours(-1)));
        var waiting = await worker.ReferAsync(ReferralRequests.For(people[2], Start.AddHours(-1), cseType: "OnlineGrooming"));

        host.Clock.Advance(TimeSpan.FromHours(2));
        await DecideAsync(worker, quick.Id);
        // Due at 00:30 on Wednesday (London); decided at 06:30: late, but before the escalation point on Thursday.
        host.Clock.Advance(TimeSpan.FromHours(28));
        await DecideAsync(worker, late.Id);
        host.Clock.SetUtcNow(waiting.EscalatesAt.Utc.AddHours(2));

        using var manager = host.Host.ClientFor(Roles.TeamManager);
        var report = await ReadReportAsync(manager, "?from=2026-06-30&to=2026-06-30");

        Assert.Equal(new DecisionTimesReport.Row(null, 3, 3, 2, 1, 1, 1, 1, 16.0, 27.2, 30.0), report.AllTypes);
        Assert.Equal(new DecisionTimesReport.Row(CseType.StreetGrooming, 2, 2, 2, 1, 0, 0, 0, 16.0, 27.2, 30.0),
            report.ByCseType.Single(r => r.CseType == CseType.StreetGrooming));
        Assert.Equal(new DecisionTimesReport.Row(CseType.OnlineGrooming, 1, 1, 0, 0, 1, 1, 1, null, null, null),
            report.ByCseType.Single(r => r.CseType == CseType.OnlineGrooming));
        Assert.Equal(Enum.GetValues<CseType>().Length, report.ByCseType.Count);
        // The day before in London is a different day, even though Start is 29 June in UTC.
        Assert.Equal(0, (await ReadReportAsync(manager, "?from=2026-06-29&to=2026-06-29")).AllTypes.Received);
        using var raw = await ReportAsync(manager, "?from=2026-06-30&to=2026-06-30");
        var text = await raw.Content.ReadAsStringAsync();
        Assert.All(people.Append(quick.Id), id => Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reclassified_referral_is_counted_under_its_new_type_and_as_received_under_its_old_one()
    {
        await using var host = await ReferralsHostAt.StartAsync(Start);
        using var worker = host.Host.ClientFor(Roles.SocialWorker);
        var person = await worker.RegisterAsync(YoungPersonRequests.Valid("Report", "Reclassified", "2011-03-01"));
        var referral = await worker.ReferAsync(ReferralRequests.For(person.Id, Start.AddHours(-1)));
        // Raising to organised abuse takes effect at once (REF-02).
        using var raised = await worker.PostAsJsonAsync($"/api/referrals/{referral.Id}/reclassifications",
            new { cseType = "OrganisedGroupOrGang", rationale = "Three men, two cars, linked to another child." });
        Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());

        using var manager = host.Host.ClientFor(Roles.SeniorManager);
        var report = await ReadReportAsync(manager, "?from=2026-06-30&to=2026-07-31");

        var street = report.ByCseType.Single(r => r.CseType == CseType.StreetGrooming);
        var organised = report.ByCseType.Single(r => r.CseType == CseType.OrganisedGroupOrGang);
        Assert.Equal((0, 1), (street.Received, street.ReceivedAsThisType));
        Assert.Equal((1, 0), (organised.Received, organised.ReceivedAsThisType));
    }

    [Fact]
    public async Task The_period_is_required_in_order_and_at_most_a_year_and_the_report_is_for_managers_only()
    {
        await using var host = await ReferralsHostAt.StartAsync(Start);
        using var manager = host.Host.ClientFor(Roles.TeamManager);

        using var missing = await ReportAsync(manager, "?to=2026-06-30");
        using var backwards = await ReportAsync(manager, "?from=2026-06-30&to=2026-06-01");
        using var tooLong = await ReportAsync(manager, "?from=2025-01-01&to=2026-01-02");
        using var aYear = await ReportAsync(manager, "?from=2025-01-01&to=2025-12-31");
        using var socialWorker = await ReportAsync(host.Host.ClientFor(Roles.SocialWorker), "?from=2026-06-30&to=2026-06-30");
        using var commissioner = await ReportAsync(host.Host.ClientFor(Roles.Commissioner), "?from=2026-06-30&to=2026-06-30");
        using var anonymous = await ReportAsync(host.Host.CreateClient(), "?from=2026-06-30&to=2026-06-30");

        Assert.Equal(["from"], await ReferralProblemFieldsAsync(missing));
        Assert.Equal(["to"], await ReferralProblemFieldsAsync(backwards));
        Assert.Equal(["to"], await ReferralProblemFieldsAsync(tooLong));
        Assert.Equal(HttpStatusCode.OK, aYear.StatusCode);
        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            (socialWorker.StatusCode, commissioner.StatusCode, anonymous.StatusCode));
    }

    private static async Task DecideAsync(HttpClient client, Guid referralId)
    {
        using var response = await client.PostAsJsonAsync($"/api/referrals/{referralId}/decision",
            new { outcome = "ChildInNeedAssessment", rationale = "Assessed with the referrer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<IReadOnlyList<string>> ReferralProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.ErrorFieldsAsync();
    }
}
