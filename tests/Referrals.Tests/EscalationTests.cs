using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Escalations;
using Support.Referrals.Domain.Escalations;
using Support.Referrals.Features.Escalations;
using Support.Referrals.Features.ShareRefusals;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-21 (Imray §4.2: one escalation in 15 cases; Casey L1626: "nothing happened to that case for three weeks") and
/// REC-11 ("a refusal to share records its reason, and the reason can be escalated"): anyone lodges an escalation, it
/// goes above the decision-maker with a deadline for a written response, stays open until answered, and a procedural
/// defect never voids it.
/// </summary>
public sealed class EscalationTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static object Escalation(string kind = "ReferralDecision", string? madeBy = null, string? madeByRole = null, string? reference = null) =>
        new { decisionKind = kind, decisionReference = reference, decisionMadeBy = madeBy, decisionMadeByRole = madeByRole,
            concern = "The referral was closed as 'teenager out of control' but she is going missing with older men." };

    private async Task<Guid> ChildAsync(string family)
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker);
        return await social.RegisteredChildAsync(family);
    }

    private static async Task<EscalationView> LodgedAsync(HttpClient client, Guid child, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/referrals/young-people/{child}/escalations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<EscalationView>();
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid escalationId, string outcome = "DecisionChanged") =>
        client.PostAsJsonAsync($"/api/referrals/escalations/{escalationId}/response",
            new { outcome, response = "Reopened as a CSE referral; strategy discussion booked for tomorrow." });

    private async Task<List<EscalationView>> ListAsync(HttpClient manager, string query) =>
        (await manager.GetFromJsonAsync<List<EscalationView>>($"/api/referrals/escalations?{query}", YoungPersonRequests.Json))!;

    [Fact]
    public async Task An_outreach_workers_escalation_goes_to_a_team_manager_with_a_written_response_due_in_5_working_days_and_is_announced()
    {
        using var outreach = fixture.Host.ClientFor(Roles.OutreachWorker, "outreach-esc-1");
        var child = await ChildAsync("Escalated");
        var now = fixture.Clock.GetUtcNow();

        var escalation = await LodgedAsync(outreach, child, Escalation(madeBy: "sw-decider", madeByRole: "SocialWorker"));

        Assert.Equal(Roles.TeamManager, escalation.ReviewerRole);
        Assert.Equal(WorkingDays.Add(now, 5), escalation.RespondBy.Utc);
        Assert.True(escalation.RespondBy.Utc >= now.AddDays(7), "five working days span at least one weekend");
        Assert.Equal(("outreach-esc-1", "OutreachWorker", true, false, 0), (escalation.LodgedBy, escalation.LodgedByRole, escalation.Open, escalation.Overdue, escalation.AgeInDays));
        var lodged = Assert.Single(await fixture.OutboxAsync<ProfessionalEscalationLodged>(m => m.EscalationId == escalation.Id));
        Assert.Equal((child, EscalatedDecisionKind.ReferralDecision, "TeamManager", "outreach-esc-1"), (lodged.YoungPersonId, lodged.DecisionKind, lodged.ReviewerRole, lodged.RecordedBy));
    }

    [Fact]
    public async Task An_escalation_is_never_refused_on_procedure_only_a_kind_and_a_concern_are_needed_and_an_unknown_reference_is_kept_as_written()
    {
        using var school = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "school-esc");
        using var social = fixture.Host.ClientFor(Roles.SocialWorker);
        var child = await social.RegisteredChildAsync("Procedure");

        var loose = await LodgedAsync(school, child, new { decisionKind = "Other", decisionReference = "the meeting last Tuesday, no form", concern = "Nobody acted." });
        Assert.Equal("the meeting last Tuesday, no form", loose.DecisionReference);
        Assert.Null(loose.DecisionMadeBy);
        Assert.Equal(("school-esc", Roles.TeamManager), (loose.LodgedBy, loose.ReviewerRole));

        using var noConcern = await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/escalations", new { decisionKind = "Other" });
        Assert.Equal(HttpStatusCode.BadRequest, noConcern.StatusCode);
        Assert.Equal(["concern"], (await noConcern.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var badRole = await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/escalations",
            new { decisionKind = "Other", decisionMadeByRole = "Boss", concern = "x" });
        Assert.Equal(["decisionMadeByRole"], (await badRole.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var unknownChild = await social.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/escalations", Escalation());
        Assert.Equal(HttpStatusCode.NotFound, unknownChild.StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.Set<ProfessionalEscalation>().CountAsync(e => e.YoungPersonId == child));
    }

    [Fact]
    public async Task Neither_the_decision_maker_nor_the_lodger_may_answer_and_a_managers_decision_goes_to_a_senior_manager()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-lodger");
        using var decider = fixture.Host.ClientFor(Roles.TeamManager, "tm-decider");
        using var otherTeamManager = fixture.Host.ClientFor(Roles.TeamManager, "tm-other");
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-reviewer");
        var child = await social.RegisteredChildAsync("AboveDecider");

        var ofManager = await LodgedAsync(social, child, Escalation("CaseClosure", "tm-decider", "TeamManager"));
        Assert.Equal(Roles.SeniorManager, ofManager.ReviewerRole);
        using (var byDecider = await AnswerAsync(decider, ofManager.Id))
        {
            Assert.Equal(HttpStatusCode.Conflict, byDecider.StatusCode);
        }
        using (var byPeer = await AnswerAsync(otherTeamManager, ofManager.Id))
        {
            Assert.Equal(HttpStatusCode.Conflict, byPeer.StatusCode);
        }
        using (var bySenior = await AnswerAsync(senior, ofManager.Id))
        {
            Assert.Equal(HttpStatusCode.OK, bySenior.StatusCode);
            var answered = await bySenior.ReadAsync<EscalationView>();
            Assert.False(answered.Open);
            Assert.Equal((EscalationOutcome.DecisionChanged, "sm-reviewer", "SeniorManager", false),
                (answered.Response!.Outcome, answered.Response.RespondedBy, answered.Response.RespondedByRole, answered.Response.Late));
        }
        using (var again = await AnswerAsync(senior, ofManager.Id, "DecisionUpheld"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Single(await fixture.OutboxAsync<ProfessionalEscalationAnswered>(m => m.EscalationId == ofManager.Id && m.Outcome == EscalationOutcome.DecisionChanged));

        using var managerLodger = fixture.Host.ClientFor(Roles.TeamManager, "tm-lodger");
        var ofSocialWorker = await LodgedAsync(managerLodger, child, Escalation("RiskLevel", "sw-someone", "SocialWorker"));
        using (var byLodger = await AnswerAsync(managerLodger, ofSocialWorker.Id))
        {
            Assert.Equal(HttpStatusCode.Conflict, byLodger.StatusCode);
        }
        using (var byTeamManager = await AnswerAsync(otherTeamManager, ofSocialWorker.Id, "DecisionUpheld"))
        {
            Assert.Equal(HttpStatusCode.OK, byTeamManager.StatusCode);
        }
        using var answerBySocialWorker = await AnswerAsync(social, ofManager.Id);
        Assert.Equal(HttpStatusCode.Forbidden, answerBySocialWorker.StatusCode);
    }

    [Fact]
    public async Task A_procedural_defect_is_recorded_beside_the_escalation_which_stays_open_on_its_deadline_until_answered()
    {
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker, "rhi-esc");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-defect");
        var child = await ChildAsync("Defect");
        var escalation = await LodgedAsync(rhi, child, Escalation("StrategyDecision"));

        using var defect = await manager.PostAsJsonAsync($"/api/referrals/escalations/{escalation.Id}/procedural-defects",
            new { description = "Sent by email, not on the escalation form." });
        Assert.Equal(HttpStatusCode.Created, defect.StatusCode);
        var withDefect = await defect.ReadAsync<EscalationView>();
        Assert.True(withDefect.Open);
        Assert.Equal(escalation.RespondBy, withDefect.RespondBy);
        Assert.Equal(("Sent by email, not on the escalation form.", "tm-defect"), (Assert.Single(withDefect.ProceduralDefects).Description, withDefect.ProceduralDefects[0].RecordedBy));
        using var noDescription = await manager.PostAsJsonAsync($"/api/referrals/escalations/{escalation.Id}/procedural-defects", new { description = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noDescription.StatusCode);

        var open = await ListAsync(manager, $"youngPersonId={child}");
        Assert.Equal(escalation.Id, Assert.Single(open).Id);
        using (var answered = await AnswerAsync(manager, escalation.Id, "DecisionUpheld"))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        Assert.Empty(await ListAsync(manager, $"youngPersonId={child}"));
        var all = Assert.Single(await ListAsync(manager, $"youngPersonId={child}&status=all"));
        Assert.Single(all.ProceduralDefects);
        Assert.NotNull(all.Response);
    }

    [Fact]
    public async Task No_response_by_the_deadline_is_announced_once_just_after_it_the_escalation_stays_open_with_its_age_and_a_late_answer_is_marked_late()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-late");
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-late");
        var child = await social.RegisteredChildAsync("Overdue");
        var escalation = await LodgedAsync(social, child, Escalation());
        var job = fixture.Host.Services.GetRequiredService<EscalationResponseOverdueJob>();
        async Task<List<ProfessionalEscalationResponseOverdue>> AnnouncedAsync() =>
            await fixture.OutboxAsync<ProfessionalEscalationResponseOverdue>(m => m.EscalationId == escalation.Id);

        fixture.MoveClockTo(escalation.RespondBy.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await AnnouncedAsync());
        Assert.False(Assert.Single(await ListAsync(senior, $"youngPersonId={child}")).Overdue);

        // One microsecond, the resolution PostgreSQL stores instants in, after the deadline.
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        var announced = Assert.Single(
            await DeadlinePasses.AnnouncedAsync(job.RunOnceAsync, AnnouncedAsync, 1, "the unanswered escalation to be announced"));
        Assert.Equal(escalation.RespondBy.Utc, announced.RespondBy);

        var overdue = Assert.Single(await ListAsync(senior, $"youngPersonId={child}&status=overdue"));
        Assert.True(overdue.Open && overdue.Overdue && overdue.OverdueAnnouncedAt is not null);
        Assert.Equal((int)Math.Floor((fixture.Clock.GetUtcNow() - escalation.LodgedAt.Utc).TotalDays), overdue.AgeInDays);
        Assert.True(overdue.AgeInDays >= 7);

        using var late = await AnswerAsync(senior, escalation.Id, "DecisionUpheld");
        Assert.True((await late.ReadAsync<EscalationView>()).Response!.Late);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Single(await AnnouncedAsync());
    }

    [Fact]
    public async Task Only_managers_see_the_open_list_and_the_lodger_sees_the_answer_to_their_own_escalation_and_each_read_is_audited()
    {
        using var outreach = fixture.Host.ClientFor(Roles.OutreachWorker, "outreach-mine");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-mine");
        var child = await ChildAsync("Mine");
        var escalation = await LodgedAsync(outreach, child, Escalation());

        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/api/referrals/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync($"/api/referrals/escalations/{escalation.Id}")).StatusCode);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/referrals/escalations/mine")).StatusCode);
        using (var bad = await manager.GetAsync("/api/referrals/escalations?status=closed"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        Assert.Equal(escalation.Id, (await manager.GetFromJsonAsync<EscalationView>($"/api/referrals/escalations/{escalation.Id}", YoungPersonRequests.Json))!.Id);
        using (var answered = await AnswerAsync(manager, escalation.Id))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var mine = (await outreach.GetFromJsonAsync<List<EscalationView>>("/api/referrals/escalations/mine", YoungPersonRequests.Json))!;
        var own = Assert.Single(mine);
        Assert.Equal((escalation.Id, EscalationOutcome.DecisionChanged), (own.Id, own.Response!.Outcome));
        await using var db = fixture.CreateDbContext();
        var readers = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == child && e.Action == AccessActions.Read).Select(e => e.Actor).ToListAsync();
        Assert.Contains("outreach-mine", readers);
        Assert.Contains("tm-mine", readers);
    }

    [Fact]
    public async Task A_refusal_to_share_needs_a_reason_and_can_be_escalated_above_whoever_refused()
    {
        using var refuser = fixture.Host.ClientFor(Roles.TeamManager, "tm-refuser");
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "police-esc");
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-share");
        var child = await ChildAsync("Refused");
        var url = $"/api/referrals/young-people/{child}/share-refusals";

        using (var noReason = await refuser.PostAsJsonAsync(url, new { requestedBy = "South Yorkshire Police CSE team", informationRequested = "Missing-episode history", reason = "  " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Equal(["reason"], (await noReason.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        await using (var db = fixture.CreateDbContext())
        {
            Assert.False(await db.Set<ShareRefusal>().AnyAsync(r => r.YoungPersonId == child));
        }
        using var recorded = await refuser.PostAsJsonAsync(url,
            new { requestedBy = "South Yorkshire Police CSE team", informationRequested = "Missing-episode history", reason = "Data protection" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var refusal = await recorded.ReadAsync<ShareRefusalView>();
        Assert.Equal(("Data protection", "tm-refuser", "TeamManager"), (refusal.Reason, refusal.RecordedBy, refusal.RecordedByRole));
        Assert.Single(await fixture.OutboxAsync<InformationShareRefused>(m => m.RefusalId == refusal.Id && m.RequestedBy == "South Yorkshire Police CSE team"));

        using var escalated = await police.PostAsJsonAsync($"{url}/{refusal.Id}/escalations",
            new { concern = "Safeguarding takes priority over confidentiality; the protocol allows this share." });
        Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);
        var escalation = await escalated.ReadAsync<EscalationView>();
        Assert.Equal((EscalatedDecisionKind.ShareRefusal, $"share-refusal:{refusal.Id}", "tm-refuser", Roles.SeniorManager),
            (escalation.DecisionKind, escalation.DecisionReference, escalation.DecisionMadeBy, escalation.ReviewerRole));
        using (var byRefuser = await AnswerAsync(refuser, escalation.Id))
        {
            Assert.Equal(HttpStatusCode.Conflict, byRefuser.StatusCode);
        }
        using (var bySenior = await AnswerAsync(senior, escalation.Id))
        {
            Assert.Equal(HttpStatusCode.OK, bySenior.StatusCode);
        }

        var listed = Assert.Single((await police.GetFromJsonAsync<List<ShareRefusalView>>(url, YoungPersonRequests.Json))!);
        Assert.Equal(escalation.Id, Assert.Single(listed.Escalations));
        using var unknown = await police.PostAsJsonAsync($"{url}/{Guid.NewGuid()}/escalations", new { concern = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
