using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Missing.Domain;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>MIS-02, MIS-03: the interview is offered, then ends exactly once, and how it ended is announced.</summary>
public sealed class ReturnInterviewTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<Guid> ReturnedInterviewAsync()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-1");
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-6)));
        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        return returned.ReturnInterview!.Id;
    }

    private async Task<Guid> OfferedInterviewAsync(HttpClient rhi)
    {
        var id = await ReturnedInterviewAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await rhi.InterviewActionAsync(id, "offer", new { offeredAt = fixture.Now.AddMinutes(-30) });
        return id;
    }

    [Fact]
    public async Task An_offered_interview_is_completed_with_findings_and_announced_with_codes_and_the_shareable_disclosure()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker, "rhi-7");
        var id = await ReturnedInterviewAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var offeredAt = fixture.Now.AddMinutes(-30);
        var offered = await rhi.InterviewActionAsync(id, "offer", new { offeredAt });
        Assert.Equal(ReturnInterviewStatus.Offered, offered.Status);
        Assert.Equal(offeredAt, offered.OfferedAt!.Value.Utc);

        fixture.Clock.Advance(TimeSpan.FromHours(20));
        var conductedAt = fixture.Now.AddHours(-1);
        var completed = await rhi.InterviewActionAsync(id, "complete", MissingRequests.Findings(conductedAt));

        Assert.Equal(ReturnInterviewStatus.Completed, completed.Status);
        var findings = completed.Findings!;
        Assert.Equal(conductedAt, findings.ConductedAt.Utc);
        Assert.Equal([RiskIndicator.AlcoholOrDrugsSupplied, RiskIndicator.DrivenAroundInCars, RiskIndicator.OlderBoyfriend], findings.RiskIndicators);
        Assert.Equal("I just want to be left alone.", findings.YoungPersonsWords);
        Assert.Equal(InformationSharingBasis.SafeguardingOverride, findings.SharingBasis);
        Assert.True(findings.DisclosureShared);
        Assert.Equal(["Due", "Offered", "Completed"], completed.History.Select(s => s.Step));
        Assert.All(completed.History.Skip(1), s => Assert.Equal("rhi-7", s.Recorded.By));
        Assert.Equal("sw-1", completed.History[0].Recorded.By);
        var announced = Assert.Single(await fixture.OutboxAsync<ReturnInterviewCompleted>(m => m.InterviewId == id));
        Assert.Equal(completed.EpisodeId, announced.EpisodeId);
        Assert.Equal(completed.YoungPersonId, announced.YoungPersonId);
        Assert.Equal(conductedAt, announced.CompletedAt);
        Assert.Equal(findings.RiskIndicators, announced.Indicators);
        Assert.True(announced.DisclosureMade);
        Assert.Equal("She said a man at the flat gave her vodka.", announced.DisclosureSummary);
        Assert.Equal(["Wellgate", "Eastwood"], announced.Locations);
        Assert.Equal("SafeguardingOverride", announced.SharingBasis);
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
        // Issue 16 item 4: her account in her own words goes to her record in Referrals, under the same sharing basis.
        var words = Assert.Single(await fixture.OutboxAsync<YoungPersonsWordsRecorded>(m => m.WordsId == id));
        Assert.Equal(("I just want to be left alone.", "Return interview", "missing", conductedAt, "rhi-7"),
            (words.Words, words.Source, words.Service, words.SaidAt, words.RecordedBy));
    }

    [Fact]
    public async Task Without_consent_or_an_override_the_codes_are_announced_but_not_the_young_persons_words()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);

        await rhi.InterviewActionAsync(id, "complete", MissingRequests.Findings(fixture.Now, "ConsentWithheld"));

        var announced = Assert.Single(await fixture.OutboxAsync<ReturnInterviewCompleted>(m => m.InterviewId == id));
        Assert.True(announced.DisclosureMade);
        Assert.Null(announced.DisclosureSummary);
        Assert.Equal("ConsentWithheld", announced.SharingBasis);
        Assert.Equal(3, announced.Indicators.Count);
        var row = await RawOutboxPayloadsAsync(id);
        Assert.DoesNotContain(row, p => p.Contains("vodka", StringComparison.Ordinal));
        Assert.DoesNotContain(row, p => p.Contains("left alone", StringComparison.Ordinal));
        Assert.Empty(await fixture.OutboxAsync<YoungPersonsWordsRecorded>(m => m.WordsId == id));
    }

    [Fact]
    public async Task Completing_an_interview_that_has_already_ended_gives_409_and_announces_nothing_more()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);
        await rhi.InterviewActionAsync(id, "complete", MissingRequests.Findings(fixture.Now, "Consent", disclosureMade: false));

        using var again = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", MissingRequests.Findings(fixture.Now));
        using var decline = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/decline", new { reason = "Changed my mind" });
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        using var notCompleted = await manager.PostAsJsonAsync($"/api/missing/return-interviews/{id}/not-completed", new { reason = "n/a" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, decline.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notCompleted.StatusCode);
        Assert.Single(await fixture.OutboxAsync<ReturnInterviewCompleted>(m => m.InterviewId == id));
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
        await using var db = fixture.CreateDbContext();
        var stored = await db.ReturnInterviews.SingleAsync(i => i.Id == id);
        Assert.Equal(ReturnInterviewStatus.Completed, stored.Status);
        Assert.False(stored.DisclosureMade);
    }

    [Fact]
    public async Task Two_completions_at_the_same_moment_store_and_announce_one()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", MissingRequests.Findings(fixture.Now))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await fixture.OutboxAsync<ReturnInterviewCompleted>(m => m.InterviewId == id));
    }

    [Fact]
    public async Task An_interview_must_be_offered_before_it_is_completed_or_declined()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await ReturnedInterviewAsync();

        using var complete = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", MissingRequests.Findings(fixture.Now));
        using var decline = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/decline", new { reason = "No" });

        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, decline.StatusCode);
    }

    [Fact]
    public async Task An_offer_cannot_be_recorded_twice_or_before_the_return()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await ReturnedInterviewAsync();

        using var early = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/offer", new { offeredAt = fixture.Now.AddHours(-1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(["offeredAt"], await early.ErrorFieldsAsync());

        await rhi.InterviewActionAsync(id, "offer", new { offeredAt = fixture.Now });
        using var twice = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/offer", new { offeredAt = fixture.Now });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Completing_without_the_required_findings_gives_400_naming_each_field()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);

        using var response = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", new { disclosureMade = true, locations = new[] { " " } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["conductedAt", "disclosure", "informationSharingBasis", "locations[0]", "whereTheyWere"],
            (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_conducted_time_before_the_offer_or_a_disclosure_without_disclosureMade_gives_422_naming_the_fields()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);
        var body = MissingRequests.Findings(fixture.Now.AddHours(-2), disclosureMade: false);
        body["disclosure"] = "Something";

        using var response = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["conductedAt", "disclosure"], (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
        await using var db = fixture.CreateDbContext();
        Assert.Equal(ReturnInterviewStatus.Offered, (await db.ReturnInterviews.SingleAsync(i => i.Id == id)).Status);
    }

    [Fact]
    public async Task A_declined_interview_keeps_the_young_persons_reason_and_is_announced_as_not_held()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker, "rhi-2");
        var id = await OfferedInterviewAsync(rhi);

        using var noReason = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/decline", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());

        var declined = await rhi.InterviewActionAsync(id, "decline", new { reason = "Doesn't want to talk to anyone from the council" });

        Assert.Equal(ReturnInterviewStatus.DeclinedByYoungPerson, declined.Status);
        Assert.Equal("Doesn't want to talk to anyone from the council", declined.NotHeldReason);
        Assert.Equal("rhi-2", declined.History[^1].Recorded.By);
        var announced = Assert.Single(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
        Assert.Equal("DeclinedByYoungPerson", announced.Outcome);
        Assert.Equal(declined.EpisodeId, announced.EpisodeId);
    }

    [Theory]
    [InlineData(Roles.RhiWorker)]
    [InlineData(Roles.SocialWorker)]
    public async Task Only_a_team_or_senior_manager_can_sign_off_an_interview_as_not_completed(string role)
    {
        var id = await ReturnedInterviewAsync();
        using var client = fixture.Host.ClientFor(role);

        using var response = await client.PostAsJsonAsync($"/api/missing/return-interviews/{id}/not-completed", new { reason = "Could not be contacted" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
    }

    [Theory]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.SeniorManager)]
    public async Task A_managers_sign_off_records_the_interview_as_not_completed_with_their_name_and_role(string role)
    {
        var id = await ReturnedInterviewAsync();
        using var manager = fixture.Host.ClientFor([Roles.SocialWorker, role], "manager-1");

        var result = await manager.InterviewActionAsync(id, "not-completed", new { reason = "Moved out of area before contact" });

        Assert.Equal(ReturnInterviewStatus.NotCompleted, result.Status);
        Assert.Equal("Moved out of area before contact", result.NotHeldReason);
        var signOff = result.History[^1];
        Assert.Equal("NotCompleted", signOff.Step);
        Assert.Equal(Support.Missing.Features.Signature.Of(fixture.Now, "manager-1", role), signOff.Recorded);
        var announced = Assert.Single(await fixture.OutboxAsync<ReturnInterviewNotHeld>(m => m.InterviewId == id));
        Assert.Equal("NotCompleted", announced.Outcome);
    }

    [Fact]
    public async Task Offering_completing_and_declining_are_for_the_independent_rhi_worker()
    {
        var id = await ReturnedInterviewAsync();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker);
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison);

        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsJsonAsync($"/api/missing/return-interviews/{id}/offer", new { offeredAt = fixture.Now })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", MissingRequests.Findings(fixture.Now))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/missing/return-interviews/{id}/decline", new { reason = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("offer")]
    [InlineData("complete")]
    [InlineData("decline")]
    [InlineData("not-completed")]
    public async Task Every_action_on_an_unknown_interview_gives_404(string action)
    {
        using var client = fixture.Host.ClientFor([Roles.RhiWorker, Roles.TeamManager], "both");
        object body = action switch
        {
            "offer" => new { offeredAt = fixture.Now },
            "complete" => MissingRequests.Findings(fixture.Now),
            _ => new { reason = "A reason" },
        };

        using var response = await client.PostAsJsonAsync($"/api/missing/return-interviews/{Guid.NewGuid()}/{action}", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/missing/return-interviews/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Interview_free_text_never_reaches_the_logs()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        var id = await OfferedInterviewAsync(rhi);
        var marker = $"marker-{Guid.NewGuid():N}";
        var body = MissingRequests.Findings(fixture.Now, disclosure: $"Disclosure {marker}");
        foreach (var field in new[] { "whereTheyWere", "whoWith", "pushFactors", "pullFactors", "youngPersonsWords" })
        {
            body[field] = $"{field} {marker}";
        }
        body["locations"] = new[] { $"location {marker}" };

        using (var broken = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{id}/complete", new Dictionary<string, object?>(body) { ["conductedAt"] = fixture.Now.AddDays(1) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        }
        await rhi.InterviewActionAsync(id, "complete", body);
        await rhi.GetFromJsonAsync<ReturnInterviewResponse>($"/api/missing/return-interviews/{id}", MissingFixture.Json);
        // The relay publishes the announcement (with the shareable disclosure) when the clock moves on.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Support.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.Set<Support.Messaging.Outbox.OutboxMessage>().AllAsync(m => m.SentAt != null);
        }, because: "the outbox to be relayed");

        // The capture sees everything down to each SQL command, where parameter values would show if they were logged.
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(marker, StringComparison.Ordinal));
    }

    private async Task<List<string>> RawOutboxPayloadsAsync(Guid interviewId)
    {
        await using var db = fixture.CreateDbContext();
        var rows = await db.Set<Support.Messaging.Outbox.OutboxMessage>().AsNoTracking().ToListAsync();
        return rows.Select(r => r.Payload).Where(p => p.Contains(interviewId.ToString(), StringComparison.Ordinal)).ToList();
    }
}
