using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Features.UnmetNeeds;
using Support.Referrals.Features.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-17. Imray §4.5: "Many of the cases had no assessment on file at all"; Child H's assessment had "no analysis ...
/// The most that was said was that Child H was likely to need counselling ... This particular assessment was unsigned";
/// "a core assessment should begin at the same time as a s47 enquiry is initiated"; "I did not find any examples of
/// updated assessments". Moves the clock, so its own class.
/// </summary>
public sealed class AssessmentTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string Author = "sw-assess";
    private HttpClient Worker(string user = Author) => fixture.Host.ClientFor(Roles.SocialWorker, user);
    private HttpClient Manager(string user = "tm-assess") => fixture.Host.ClientFor(Roles.TeamManager, user);

    private static readonly object ChildsAccount = new
    {
        section = "ChildsAccount",
        account = "She said the men at the takeaway give her vodka and lifts, and that one of them is her boyfriend.",
        feelings = "Scared of what they will do if she stops going; ashamed; says nobody listened last time.",
        seenAloneOn = "2026-11-24",
    };
    private static readonly object Impact = new
    {
        section = "Impact", shortTermImpact = "Missing school, self-harm since September.", longTermImpact = "Trauma, exploitation entrenched, risk of pregnancy.",
    };
    private static readonly object Analysis = new
    {
        section = "Analysis", whatHappened = "Grooming by an organised group over a year.", why = "Isolated after a family breakdown; targeted at the bus station.",
        consequences = "She is at very high risk of continuing sexual exploitation without protective action.",
    };
    private static object NeedsAndPlan(params object[] needs) => new
    {
        section = "NeedsAndPlan", plan = "Weekly visits; disruption with police; therapeutic support; education re-engagement.", needs,
    };

    /// <summary>A registered child with an open case, a key worker and an outreach worker recorded as involved.</summary>
    private async Task<(Guid Child, Guid Case)> ChildWithCaseAsync(string keyWorker = Author, string involved = "ow-assess")
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync("Assess");
        var @case = await worker.OpenCaseAsync(child);
        using var manager = Manager();
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/involved-workers", new { worker = involved, role = "OutreachWorker" })).EnsureSuccessStatusCode();
        return (child, @case.Id);
    }

    private async Task<AssessmentView> S47AssessmentAsync(Guid child)
    {
        using var worker = Worker();
        var pathway = await worker.StartPathwayAsync(child);
        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        var listed = (await worker.GetFromJsonAsync<List<AssessmentSummary>>($"/api/referrals/assessments?youngPersonId={child}", CaseRequests.Json))!;
        return await GetAsync(Assert.Single(listed).Id);
    }

    private async Task<AssessmentView> GetAsync(Guid id)
    {
        using var worker = Worker();
        return (await worker.GetFromJsonAsync<AssessmentView>($"/api/referrals/assessments/{id}", CaseRequests.Json))!;
    }

    private static async Task WriteAsync(HttpClient client, Guid id, object section)
    {
        using var response = await client.PostAsJsonAsync($"/api/referrals/assessments/{id}/sections", section);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<AssessmentView> ReadyToSignAsync(Guid id, params object[] needs)
    {
        using var worker = Worker();
        foreach (var section in new[] { ChildsAccount, Impact, Analysis, NeedsAndPlan(needs) })
        {
            await WriteAsync(worker, id, section);
        }
        foreach (var invitation in (await GetAsync(id)).Invitations.Where(i => i.Reply is null))
        {
            using var outreach = fixture.Host.ClientFor(Roles.OutreachWorker, invitation.Worker);
            using var answered = await outreach.PostAsJsonAsync($"/api/referrals/assessments/invitations/{invitation.Id}/contribution",
                new { contribution = "She trusts us; she told us about the flat above the takeaway and the taxi firm." });
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }
        return await GetAsync(id);
    }

    [Fact]
    public async Task An_s47_enquiry_opens_a_core_assessment_due_in_45_working_days_and_invites_every_involved_worker()
    {
        var (child, _) = await ChildWithCaseAsync();
        var reasonableCause = fixture.Clock.GetUtcNow();

        var assessment = await S47AssessmentAsync(child);

        Assert.Equal((AssessmentKind.S47Core, AssessmentStatus.Open, false), (assessment.Kind, assessment.Status, assessment.Overdue));
        Assert.NotNull(assessment.PathwayId);
        Assert.Equal(WorkingDays.Add(reasonableCause, 45), assessment.DueAt.Utc);
        var invitation = Assert.Single(assessment.Invitations);
        Assert.Equal(("ow-assess", "OutreachWorker", (InvitationReplyView?)null), (invitation.Worker, invitation.WorkerRole, invitation.Reply));
        Assert.Equal(["analysis", "childsAccount", "contributions", "impact", "needsAndPlan"], assessment.Missing.Select(m => m.Field).Order());
        var opened = Assert.Single(await fixture.OutboxAsync<AssessmentOpened>(m => m.AssessmentId == assessment.Id));
        Assert.Equal((assessment.PathwayId, 1, Author), (opened.PathwayId, opened.Invited, opened.RecordedBy));

        // The s47 core assessment is never opened by hand: the enquiry opens it.
        using var worker = Worker();
        using var byHand = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = child, kind = "S47Core" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byHand.StatusCode);
        Assert.Equal(["kind"], await byHand.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_assessment_cannot_be_signed_while_a_section_or_a_contribution_is_missing_and_each_gap_is_named()
    {
        var (child, _) = await ChildWithCaseAsync(involved: "ow-assess-mine");
        var assessment = await S47AssessmentAsync(child);
        using var worker = Worker();

        using (var empty = await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            Assert.Equal(["analysis", "childsAccount", "contributions", "impact", "needsAndPlan"], (await empty.ErrorFieldsAsync()).Order());
        }
        foreach (var section in new[] { ChildsAccount, Impact, Analysis, NeedsAndPlan() })
        {
            await WriteAsync(worker, assessment.Id, section);
        }
        using (var noContribution = await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noContribution.StatusCode);
            Assert.Equal(["contributions"], await noContribution.ErrorFieldsAsync());
        }

        // Only the invited worker gives their contribution; the author records a non-reply instead, once.
        var invitation = Assert.Single((await GetAsync(assessment.Id)).Invitations);
        using (var mine = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-assess-mine"))
        {
            var waiting = (await mine.GetFromJsonAsync<List<AssessmentInvitationView>>("/api/referrals/assessments/invitations/mine", CaseRequests.Json))!;
            Assert.Equal([invitation.Id], waiting.Select(i => i.Id));
        }
        using (var stranger = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-someone-else"))
        using (var notTheirs = await stranger.PostAsJsonAsync($"/api/referrals/assessments/invitations/{invitation.Id}/contribution", new { contribution = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }
        using (var noReply = await worker.PostAsJsonAsync($"/api/referrals/assessments/invitations/{invitation.Id}/no-reply",
            new { chased = "Emailed on 20 and 24 November; phoned the team on 25 November." }))
        {
            Assert.Equal(HttpStatusCode.Created, noReply.StatusCode);
            Assert.False((await noReply.ReadAsync<AssessmentInvitationView>()).Reply!.Contributed);
        }
        using (var again = await worker.PostAsJsonAsync($"/api/referrals/assessments/invitations/{invitation.Id}/no-reply", new { chased = "Again." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        // An outreach worker who knows her but is not on the case can be invited too; they must answer before signing.
        using (var invited = await worker.PostAsJsonAsync($"/api/referrals/assessments/{assessment.Id}/invitations", new { worker = "school-dsl-assess", role = "SchoolSafeguardingLead" }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }
        using (var unanswered = await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unanswered.StatusCode);
            Assert.Equal(["contributions"], await unanswered.ErrorFieldsAsync());
        }
        var school = (await GetAsync(assessment.Id)).Invitations.Single(i => i.Worker == "school-dsl-assess");
        using (var dsl = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "school-dsl-assess"))
        using (var contributed = await dsl.PostAsJsonAsync($"/api/referrals/assessments/invitations/{school.Id}/contribution",
            new { contribution = "Attendance 41% this term; seen getting into cars at the gate." }))
        {
            Assert.Equal(HttpStatusCode.Created, contributed.StatusCode);
        }
        using (var signed = await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            var view = await signed.ReadAsync<AssessmentView>();
            Assert.Equal((AssessmentStatus.Signed, 0), (view.Status, view.Missing.Count));
            Assert.Equal([(view.Version, Author)], view.Signatures.Select(s => (s.Version, s.SignedBy)));
        }
    }

    [Fact]
    public async Task A_partner_invited_to_contribute_sees_the_invitation_and_the_assessment_until_they_answer_and_no_longer()
    {
        var (child, _) = await ChildWithCaseAsync();
        var assessment = await S47AssessmentAsync(child);
        using var worker = Worker();
        using var dsl = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "school-dsl-shared");
        using var otherDsl = fixture.Host.ClientFor(Roles.SchoolSafeguardingLead, "school-dsl-not-asked");
        var url = $"/api/referrals/assessments/{assessment.Id}";
        // Before the invitation the school lead has no relationship to the child: the protocol refuses the read (REC-11).
        Assert.Equal(HttpStatusCode.Forbidden, (await dsl.GetAsync(url)).StatusCode);

        using (var invited = await worker.PostAsJsonAsync($"{url}/invitations", new { worker = "school-dsl-shared", role = "SchoolSafeguardingLead" }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }
        var mine = (await dsl.GetFromJsonAsync<List<AssessmentInvitationView>>("/api/referrals/assessments/invitations/mine", CaseRequests.Json))!;
        var invitation = Assert.Single(mine);
        Assert.Equal((assessment.Id, child), (invitation.AssessmentId, invitation.YoungPersonId));
        Assert.Equal(HttpStatusCode.OK, (await dsl.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherDsl.GetAsync(url)).StatusCode);
        // One relationship, the partner's: the outreach worker invited when it opened is case team and needs none.
        var recorded = Assert.Single(await fixture.OutboxAsync<SharingRelationshipRecorded>(e => e.YoungPersonId == child));
        Assert.Equal((SharingRelationshipKind.AssessmentInvitation, "school-dsl-shared"), (recorded.Kind, recorded.UserId));

        using (var contributed = await dsl.PostAsJsonAsync($"/api/referrals/assessments/invitations/{invitation.Id}/contribution",
            new { contribution = "Attendance 41% this term; seen getting into cars at the gate." }))
        {
            Assert.Equal(HttpStatusCode.Created, contributed.StatusCode);
        }
        // Answered: the relationship ends with the answer, so the school sees the child no longer.
        Assert.Equal(HttpStatusCode.Forbidden, (await dsl.GetAsync(url)).StatusCode);
        Assert.Empty((await dsl.GetFromJsonAsync<List<AssessmentInvitationView>>("/api/referrals/assessments/invitations/mine", CaseRequests.Json))!);
        var ended = Assert.Single(await fixture.OutboxAsync<SharingRelationshipEnded>(e => e.YoungPersonId == child));
        Assert.Equal((recorded.RelationshipId, "school-dsl-shared"), (ended.RelationshipId, ended.EndedBy));
    }

    [Fact]
    public async Task A_section_is_written_whole_with_only_its_own_parts_and_a_rewrite_is_a_new_version()
    {
        var (child, _) = await ChildWithCaseAsync();
        var assessment = await S47AssessmentAsync(child);
        using var worker = Worker();
        var url = $"/api/referrals/assessments/{assessment.Id}/sections";

        using (var half = await worker.PostAsJsonAsync(url, new { section = "Impact", shortTermImpact = "Missing school.", plan = "Visit weekly." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
            Assert.Equal(["longTermImpact", "plan"], (await half.ErrorFieldsAsync()).Order());
        }
        using (var noDate = await worker.PostAsJsonAsync(url, new { section = "ChildsAccount", account = "a", feelings = "f" }))
        {
            Assert.Equal(["seenAloneOn"], await noDate.ErrorFieldsAsync());
        }
        using (var future = await worker.PostAsJsonAsync(url, new { section = "ChildsAccount", account = "a", feelings = "f", seenAloneOn = London.Today(fixture.Clock).AddDays(30) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
            Assert.Equal(["seenAloneOn"], await future.ErrorFieldsAsync());
        }
        using (var numbered = await worker.PostAsJsonAsync(url, new { section = 1, shortTermImpact = "a", longTermImpact = "b" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, numbered.StatusCode); // enums by name only
        }
        using (var unmetWithoutReason = await worker.PostAsJsonAsync(url, NeedsAndPlan(new { description = "Counselling", category = "Therapy", response = "UnmetNeed" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unmetWithoutReason.StatusCode);
            Assert.Equal(["needs[0].unmetNeedReason"], await unmetWithoutReason.ErrorFieldsAsync());
        }
        Assert.Equal(0, (await GetAsync(assessment.Id)).Version); // nothing refused was stored

        await WriteAsync(worker, assessment.Id, Impact);
        await WriteAsync(worker, assessment.Id, new { section = "Impact", shortTermImpact = "Missing school; self-harm.", longTermImpact = "Trauma." });
        var view = await GetAsync(assessment.Id);
        Assert.Equal(2, view.Version);
        Assert.Equal(["Missing school, self-harm since September.", "Missing school; self-harm."], view.History.Select(e => e.ShortTermImpact));
        Assert.Equal("Missing school; self-harm.", Assert.Single(view.Sections).ShortTermImpact);
        Assert.Equal(["analysis", "childsAccount", "contributions", "needsAndPlan"], view.Missing.Select(m => m.Field).Order());
    }

    [Fact]
    public async Task A_different_manager_signs_off_the_signed_version_and_each_need_becomes_a_key_worker_task_or_unmet_need()
    {
        var (child, @case) = await ChildWithCaseAsync();
        var assessment = await S47AssessmentAsync(child);
        await ReadyToSignAsync(assessment.Id,
            new { description = "Likely to need counselling", category = "Therapy", response = "ReferralTask" },
            new { description = "Specialist foster placement out of the area", category = "Accommodation", response = "UnmetNeed", unmetNeedReason = "NoProvider" });
        using var worker = Worker();
        using var manager = Manager();
        var signOff = $"/api/referrals/assessments/{assessment.Id}/sign-off";

        using (var unsigned = await manager.PostAsync(signOff, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, unsigned.StatusCode); // "This particular assessment was unsigned"
        }
        (await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null)).EnsureSuccessStatusCode();
        using (var byWorker = await worker.PostAsync(signOff, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }
        // A change after signing must be signed again before it can be signed off.
        await WriteAsync(worker, assessment.Id, Analysis);
        using (var changed = await manager.PostAsync(signOff, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        }
        // A manager who signed as the author cannot sign off their own assessment.
        using (var selfSigner = Manager("tm-assess-author"))
        {
            (await selfSigner.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null)).EnsureSuccessStatusCode();
            using var own = await selfSigner.PostAsync(signOff, null);
            Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        }

        var now = fixture.Clock.GetUtcNow();
        AssessmentView done;
        using (var signedOff = await manager.PostAsync(signOff, null))
        {
            Assert.Equal(HttpStatusCode.OK, signedOff.StatusCode);
            done = await signedOff.ReadAsync<AssessmentView>();
        }
        Assert.Equal((AssessmentStatus.Completed, "tm-assess-author", "tm-assess"), (done.Status, done.SignedBy, done.SignedOffBy));
        var task = Assert.Single(done.NeedTasks);
        Assert.Equal(("Likely to need counselling", "Therapy", (string?)Author, WorkingDays.Add(now, 5)), (task.Need, task.Category, task.AssignedTo, task.DueAt.Utc));
        var unmet = Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(m => m.YoungPersonId == child));
        Assert.Equal(("Accommodation", UnmetNeedReason.NoProvider, "referrals"), (unmet.NeedCategory, unmet.Reason, unmet.RecordedByService));
        var completed = Assert.Single(await fixture.OutboxAsync<AssessmentCompleted>(m => m.AssessmentId == assessment.Id));
        Assert.Equal((1, 1, false, (DateOnly?)null), (completed.NeedTasks, completed.UnmetNeeds, completed.Late, completed.NextDueOn)); // not looked after

        using (var late = await worker.PostAsJsonAsync($"/api/referrals/assessments/{assessment.Id}/sections", Impact))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode); // a completed assessment is never rewritten
        }

        // The task is the key worker's: in their list, and closing the case asks for a decision on it.
        var mine = (await worker.GetFromJsonAsync<List<NeedTaskView>>("/api/referrals/assessments/need-tasks", CaseRequests.Json))!;
        Assert.Contains(task.Id, mine.Select(t => t.Id));
        using (var closing = await manager.CloseAsync(@case))
        {
            Assert.Equal(HttpStatusCode.Conflict, closing.StatusCode);
            Assert.Contains($"assessment-need-task:{task.Id}", await closing.Content.ReadAsStringAsync());
        }
        using (var other = Worker("sw-not-key-worker"))
        using (var notTheirs = await other.PostAsJsonAsync($"/api/referrals/assessments/need-tasks/{task.Id}/completion", new { outcome = "ReferralMade", detail = "CAMHS" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }
        using (var noReason = await worker.PostAsJsonAsync($"/api/referrals/assessments/need-tasks/{task.Id}/completion", new { outcome = "UnmetNeed", detail = "CAMHS declined" }))
        {
            Assert.Equal(["unmetNeedReason"], await noReason.ErrorFieldsAsync());
        }
        using (var ended = await worker.PostAsJsonAsync($"/api/referrals/assessments/need-tasks/{task.Id}/completion",
            new { outcome = "UnmetNeed", detail = "CAMHS: does not meet criteria; no voluntary counselling commissioned.", unmetNeedReason = "CriteriaNotMet" }))
        {
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        }
        using (var twice = await worker.PostAsJsonAsync($"/api/referrals/assessments/need-tasks/{task.Id}/completion", new { outcome = "ReferralMade", detail = "x" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        var announced = await fixture.OutboxAsync<UnmetNeedRecorded>(m => m.YoungPersonId == child);
        Assert.Equal([UnmetNeedReason.CriteriaNotMet, UnmetNeedReason.NoProvider], announced.Select(m => m.Reason).Order());
        // Both are in Referrals' own register under the ids the ledger was given, the task's with its task (COM-05).
        var registered = (await worker.GetFromJsonAsync<List<UnmetNeedResponse>>($"/api/referrals/young-people/{child}/unmet-needs", CaseRequests.Json))!;
        Assert.Equal(announced.Select(m => m.UnmetNeedId).Order(), registered.Select(n => n.Id).Order());
        Assert.Equal(task.Id, registered.Single(n => n.Source == UnmetNeedSource.NeedTask).SourceId);
        Assert.Equal(UnmetNeedSource.AssessmentSignOff, registered.Single(n => n.Reason == UnmetNeedReason.NoProvider).Source);
    }

    [Fact]
    public async Task A_looked_after_childs_next_assessment_is_due_12_months_after_the_last_and_is_listed_when_overdue()
    {
        var (child, _) = await ChildWithCaseAsync();
        var (neverAssessed, _) = await ChildWithCaseAsync();
        using var worker = Worker();
        var today = London.Today(fixture.Clock);
        foreach (var placed in new[] { child, neverAssessed })
        {
            using var placement = await worker.PostAsJsonAsync("/api/referrals/placements", new
            {
                youngPersonId = placed, type = "FosterCare", reason = "AssessedNeed", setting = $"Carers {Guid.NewGuid():N}", startedOn = today,
                rationale = "Specialist carers who know the CSE risks.",
            });
            Assert.Equal(HttpStatusCode.Created, placement.StatusCode);
        }
        using (var notLookedAfter = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = (await ChildWithCaseAsync()).Child, kind = "LookedAfterRenewal" }))
        {
            Assert.Equal(["kind"], await notLookedAfter.ErrorFieldsAsync());
        }
        AssessmentView renewal;
        using (var opened = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = child, kind = "LookedAfterRenewal" }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            renewal = await opened.ReadAsync<AssessmentView>();
        }
        using (var second = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = child, kind = "LookedAfterRenewal" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }
        await ReadyToSignAsync(renewal.Id);
        (await worker.PostAsync($"/api/referrals/assessments/{renewal.Id}/signature", null)).EnsureSuccessStatusCode();
        using (var manager = Manager())
        {
            (await manager.PostAsync($"/api/referrals/assessments/{renewal.Id}/sign-off", null)).EnsureSuccessStatusCode();
        }
        var completedOn = London.Today(fixture.Clock);
        var completed = Assert.Single(await fixture.OutboxAsync<AssessmentCompleted>(m => m.AssessmentId == renewal.Id));
        Assert.Equal(completedOn.AddMonths(12), completed.NextDueOn);

        async Task<List<RenewalsDue.RenewalDue>> DueAsync(int withinDays = 0)
        {
            using var manager = Manager();
            var all = (await manager.GetFromJsonAsync<List<RenewalsDue.RenewalDue>>($"/api/referrals/assessments/renewals-due?withinDays={withinDays}", CaseRequests.Json))!;
            return all.Where(r => r.YoungPersonId == child || r.YoungPersonId == neverAssessed).ToList();
        }
        // Never assessed: due 45 working days after the placement began, and listed as never assessed.
        var never = Assert.Single(await DueAsync(100));
        Assert.Equal((neverAssessed, true, WorkingDays.AddTo(today, 45)), (never.YoungPersonId, never.NeverAssessed, never.DueOn));

        var dueOn = completedOn.AddMonths(12);
        fixture.MoveClockTo(new DateTimeOffset(dueOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var onTheDay = (await DueAsync()).Single(r => r.YoungPersonId == child);
        Assert.Equal((dueOn, false, false), (onTheDay.DueOn, onTheDay.Overdue, onTheDay.NeverAssessed)); // due today, not yet overdue
        fixture.MoveClockTo(new DateTimeOffset(dueOn.AddDays(1).ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero));
        Assert.True((await DueAsync()).Single(r => r.YoungPersonId == child).Overdue);
        Assert.True((await DueAsync()).Single(r => r.YoungPersonId == neverAssessed).Overdue);

        using var socialWorker = Worker();
        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync("/api/referrals/assessments/renewals-due")).StatusCode);
    }

    [Fact]
    public async Task An_open_assessment_is_overdue_from_the_first_instant_after_its_deadline_and_listed_so()
    {
        var (child, _) = await ChildWithCaseAsync();
        using var worker = Worker();
        AssessmentView opened;
        using (var response = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = child, kind = "Single" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            opened = await response.ReadAsync<AssessmentView>();
        }
        Assert.Equal(WorkingDays.Add(fixture.Clock.GetUtcNow(), 45), opened.DueAt.Utc);
        async Task<bool> ListedOverdueAsync()
        {
            using var manager = Manager();
            var overdue = (await manager.GetFromJsonAsync<List<AssessmentSummary>>("/api/referrals/assessments?status=overdue", CaseRequests.Json))!;
            return overdue.Any(a => a.Id == opened.Id);
        }

        var job = fixture.Host.Services.GetRequiredService<AssessmentOverdueJob>();

        fixture.MoveClockTo(opened.DueAt.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.False(await ListedOverdueAsync()); // at the deadline itself: still in time
        Assert.False((await GetAsync(opened.Id)).Overdue);
        Assert.Empty(await fixture.OutboxAsync<AssessmentOverdue>(m => m.AssessmentId == opened.Id));
        // One microsecond, the resolution PostgreSQL stores instants in, after the deadline.
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        Assert.True(await ListedOverdueAsync());
        Assert.True((await GetAsync(opened.Id)).Overdue);
        var announced = Assert.Single(await DeadlinePasses.AnnouncedAsync(job.RunOnceAsync,
            () => fixture.OutboxAsync<AssessmentOverdue>(m => m.AssessmentId == opened.Id), 1, "the overdue assessment to be announced"));
        Assert.Equal((child, AssessmentKind.Single, opened.DueAt.Utc), (announced.YoungPersonId, announced.Kind, announced.DueAt));
    }

    [Fact]
    public async Task A_need_task_is_overdue_from_the_first_instant_after_its_5_working_days_and_announced_once_unless_ended()
    {
        async Task<NeedTaskView> NeedTaskAsync()
        {
            var (child, _) = await ChildWithCaseAsync();
            var assessment = await S47AssessmentAsync(child);
            await ReadyToSignAsync(assessment.Id, new { description = "Likely to need counselling", category = "Therapy", response = "ReferralTask" });
            using var worker = Worker();
            (await worker.PostAsync($"/api/referrals/assessments/{assessment.Id}/signature", null)).EnsureSuccessStatusCode();
            using var manager = Manager("tm-assess-signs-off");
            using var signedOff = await manager.PostAsync($"/api/referrals/assessments/{assessment.Id}/sign-off", null);
            Assert.Equal(HttpStatusCode.OK, signedOff.StatusCode);
            return Assert.Single((await signedOff.ReadAsync<AssessmentView>()).NeedTasks);
        }
        // Signed off on a Friday afternoon: 5 working days is the next Friday, at the same London time.
        var now = fixture.Clock.GetUtcNow();
        var friday = London.DateOf(now).AddDays(((int)DayOfWeek.Friday - (int)London.DateOf(now).DayOfWeek + 7) % 7 + 7);
        while (WorkingDays.AddTo(friday, 5) != friday.AddDays(7))
        {
            friday = friday.AddDays(7); // a week with a bank holiday in it would move the deadline; take a plain one
        }
        fixture.MoveClockTo(London.At(friday, new TimeOnly(15, 30)));
        var slipping = await NeedTaskAsync();
        var ended = await NeedTaskAsync();
        Assert.Equal(friday.AddDays(7), DateOnly.FromDateTime(slipping.DueAt.London.DateTime));
        Assert.Equal(new TimeSpan(15, 30, 0), slipping.DueAt.London.TimeOfDay);
        using (var worker = Worker())
        using (var done = await worker.PostAsJsonAsync($"/api/referrals/assessments/need-tasks/{ended.Id}/completion", new { outcome = "ReferralMade", detail = "CAMHS referral sent" }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }
        async Task<bool> ListedOverdueAsync(Guid id)
        {
            using var worker = Worker();
            var overdue = (await worker.GetFromJsonAsync<List<NeedTaskView>>("/api/referrals/assessments/need-tasks?status=overdue", CaseRequests.Json))!;
            return overdue.Any(t => t.Id == id);
        }
        var job = fixture.Host.Services.GetRequiredService<AssessmentOverdueJob>();

        fixture.MoveClockTo(slipping.DueAt.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.False(await ListedOverdueAsync(slipping.Id)); // at the deadline itself: still in time
        Assert.Empty(await fixture.OutboxAsync<AssessmentNeedTaskOverdue>(m => m.TaskId == slipping.Id));
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        Assert.True(await ListedOverdueAsync(slipping.Id));
        var announced = Assert.Single(await DeadlinePasses.AnnouncedAsync(job.RunOnceAsync,
            () => fixture.OutboxAsync<AssessmentNeedTaskOverdue>(m => m.TaskId == slipping.Id), 1, "the overdue task to be announced"));
        Assert.Equal((slipping.AssessmentId, slipping.YoungPersonId, (string?)Author, slipping.DueAt.Utc),
            (announced.AssessmentId, announced.YoungPersonId, announced.AssignedTo, announced.DueAt));
        // The task ended in time is never announced, and neither is its completed assessment.
        Assert.Empty(await fixture.OutboxAsync<AssessmentNeedTaskOverdue>(m => m.TaskId == ended.Id));
        Assert.Empty(await fixture.OutboxAsync<AssessmentOverdue>(m => m.AssessmentId == ended.AssessmentId));
    }

    [Fact]
    public async Task An_assessment_opened_in_march_is_due_at_the_same_london_time_after_the_clocks_go_forward()
    {
        // The next 10 March at 10:00 GMT after the shared clock: 45 working days later is in May, in British Summer Time.
        var now = fixture.Clock.GetUtcNow();
        var opening = new DateTimeOffset(now.Year, 3, 10, 10, 0, 0, TimeSpan.Zero);
        opening = opening > now ? opening : opening.AddYears(1);
        fixture.MoveClockTo(opening);
        var (child, _) = await ChildWithCaseAsync();
        using var worker = Worker();
        AssessmentView opened;
        using (var response = await worker.PostAsJsonAsync("/api/referrals/assessments", new { youngPersonId = child, kind = "Single" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            opened = await response.ReadAsync<AssessmentView>();
        }

        Assert.Equal(("GMT", "BST"), (opened.OpenedAt.Zone, opened.DueAt.Zone));
        Assert.Equal(new TimeSpan(10, 0, 0), opened.DueAt.London.TimeOfDay); // 10:00 in London both times
        Assert.Equal(9, opened.DueAt.Utc.Hour);
        Assert.Equal(WorkingDays.AddTo(London.DateOf(opening), 45), DateOnly.FromDateTime(opened.DueAt.London.DateTime));
        fixture.MoveClockTo(opened.DueAt.Utc);
        Assert.False((await GetAsync(opened.Id)).Overdue);
        fixture.MoveClockTo(opened.DueAt.Utc.AddSeconds(1));
        Assert.True((await GetAsync(opened.Id)).Overdue);
    }
}
