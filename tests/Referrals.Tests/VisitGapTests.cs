using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Cases;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-23: "several weeks or even months passing between visits". A case past the days without face-to-face contact
/// its risk level allows is listed for team managers and announced once per gap; only face-to-face contact resets it.
/// Moves the clock, so its own class.
/// </summary>
public sealed class VisitGapTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-visits");
    private HttpClient Manager() => fixture.Host.ClientFor(Roles.TeamManager, "tm-visits");
    private VisitGapJob Job => fixture.Host.Services.GetRequiredService<VisitGapJob>();

    private async Task<(Guid Case, Guid Person)> CaseAtAsync(RiskLevel level)
    {
        using var worker = Worker();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        await using var db = fixture.CreateDbContext();
        db.CurrentRiskLevels.Add(CurrentRiskLevel.First(person, level, new RiskRuleResult("test", level, [], [], [], false), Guid.NewGuid(), fixture.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return (@case.Id, person);
    }

    private async Task<List<VisitGaps.GapResponse>> GapsAsync(params Guid[] cases)
    {
        using var manager = Manager();
        var all = (await manager.GetFromJsonAsync<List<VisitGaps.GapResponse>>("/api/referrals/cases/visit-gaps", CaseRequests.Json))!;
        return all.Where(g => cases.Contains(g.CaseId)).ToList();
    }

    private Task<HttpResponseMessage> VisitAsync(Guid caseId, DateTimeOffset at, bool faceToFace) =>
        Worker().PostAsJsonAsync($"/api/referrals/cases/{caseId}/visits", new { occurredAt = at, faceToFace, place = faceToFace ? "Home" : "Phone call" });

    [Fact]
    public async Task A_very_high_risk_case_without_face_to_face_contact_for_more_than_7_days_is_listed_and_announced_once_and_a_visit_starts_a_new_gap()
    {
        var (veryHigh, person) = await CaseAtAsync(RiskLevel.VeryHigh);
        var (medium, _) = await CaseAtAsync(RiskLevel.Medium);
        var start = fixture.Clock.GetUtcNow();

        fixture.Clock.SetUtcNow(start.AddDays(7));
        Assert.Empty(await GapsAsync(veryHigh, medium)); // exactly 7 days: not yet past
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(veryHigh, start.AddDays(6), faceToFace: false)).StatusCode); // a phone call does not count

        fixture.Clock.SetUtcNow(start.AddDays(7).AddSeconds(1));
        var gap = Assert.Single(await GapsAsync(veryHigh, medium));
        Assert.Equal((veryHigh, 7, (DateTimeOffset?)null), (gap.CaseId, gap.AllowedDays, gap.LastFaceToFaceAt?.Utc));
        var alert = Assert.Single(await DeadlinePasses.AnnouncedAsync(Job.RunOnceAsync,
            () => fixture.OutboxAsync<VisitGapAlertRaised>(m => m.CaseId == veryHigh), 1, "the visit gap to be announced"));
        Assert.Equal((person, RiskLevel.VeryHigh, 7, start.AddDays(7)), (alert.YoungPersonId, alert.RiskLevel, alert.GapDays, alert.DueAt));
        Assert.Empty(await fixture.OutboxAsync<VisitGapAlertRaised>(m => m.CaseId == medium));

        // A face-to-face visit resets the gap; the next one is announced in its turn.
        var visited = start.AddDays(8);
        fixture.Clock.SetUtcNow(visited.AddHours(1));
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(veryHigh, visited, faceToFace: true)).StatusCode);
        Assert.Empty(await GapsAsync(veryHigh));
        fixture.Clock.SetUtcNow(visited.AddDays(7).AddSeconds(1));
        Assert.Equal(visited, Assert.Single(await GapsAsync(veryHigh)).LastFaceToFaceAt?.Utc);
        var alerts = await DeadlinePasses.AnnouncedAsync(Job.RunOnceAsync,
            () => fixture.OutboxAsync<VisitGapAlertRaised>(m => m.CaseId == veryHigh), 2, "the second visit gap to be announced");
        Assert.Equal([null, visited], alerts.Select(m => m.LastFaceToFaceAt).Order());

        // Medium risk allows 28 days.
        fixture.Clock.SetUtcNow(start.AddDays(28).AddSeconds(1));
        Assert.Equal(28, Assert.Single(await GapsAsync(medium)).AllowedDays);
    }

    [Fact]
    public async Task Each_visit_is_announced_for_the_chronology_and_listed_on_its_case_latest_first()
    {
        var (@case, person) = await CaseAtAsync(RiskLevel.High);
        var now = fixture.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(@case, now.AddDays(-2), faceToFace: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(@case, now.AddHours(-1), faceToFace: true)).StatusCode);
        using var worker = Worker();
        var visits = (await worker.GetFromJsonAsync<List<RecordCaseVisit.VisitResponse>>($"/api/referrals/cases/{@case}/visits", CaseRequests.Json))!;
        Assert.Equal([(now.AddHours(-1), true, "Home"), (now.AddDays(-2), false, "Phone call")], visits.Select(v => (v.OccurredAt.Utc, v.FaceToFace, v.Place)));
        var announced = (await fixture.OutboxAsync<CaseVisitRecorded>(m => m.CaseId == @case)).OrderBy(m => m.VisitedAt).ToList();
        Assert.Equal([(person, now.AddDays(-2), false), (person, now.AddHours(-1), true)], announced.Select(m => (m.YoungPersonId, m.VisitedAt, m.FaceToFace)));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/referrals/cases/{Guid.NewGuid()}/visits")).StatusCode);
    }

    [Fact]
    public async Task A_visit_needs_its_fields_a_date_that_is_not_in_the_future_or_before_birth_and_an_open_case()
    {
        var (@case, _) = await CaseAtAsync(RiskLevel.Low);
        using var worker = Worker();
        using var missing = await worker.PostAsJsonAsync($"/api/referrals/cases/{@case}/visits", new { });
        Assert.Equal(["faceToFace", "occurredAt", "place"], (await missing.ErrorFieldsAsync()).Order());
        using var future = await VisitAsync(@case, fixture.Clock.GetUtcNow().AddHours(1), true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal(["occurredAt"], await future.ErrorFieldsAsync());
        using var beforeBirth = await VisitAsync(@case, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeBirth.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VisitAsync(Guid.NewGuid(), fixture.Clock.GetUtcNow(), true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/referrals/cases/visit-gaps")).StatusCode);
    }
}
