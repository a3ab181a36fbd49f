using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Incidents;
using Support.Contracts.Placements;
using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.Placements;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-26 and REF-27. Imray §4.7: Child E, 12, "was subsequently raped by a young person with a known history of
/// sexually abusive behaviours who was already resident in the unit to which she was subsequently moved". Casey-M's
/// foster carer let the perpetrator "accompany her on holiday". Placements carry type, reason, review-by date and
/// rationale; residential admissions are matched against the residents' risk to others; cost and shortage are unmet
/// need; a barred person's contact with a placed child is a critical incident.
/// </summary>
public sealed class PlacementTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-placements");
    private HttpClient Senior(string user = "sm-placements") => fixture.Host.ClientFor(Roles.SeniorManager, user);
    private HttpClient Carer() => fixture.Host.ClientFor(Roles.Carer, "carer-placements");

    private DateOnly Today => CaseRequests.LondonDate(fixture.Clock.GetUtcNow());

    private static string Unit() => $"Oak House {Guid.NewGuid():N}";

    private async Task<Guid> RegisterAsync(string dateOfBirth, string gender)
    {
        using var worker = Worker();
        var response = await worker.RegisterAsync(new
        {
            givenName = "Test", familyName = "Child", dateOfBirth, gender, ethnicity = "White British", localArea = "Eastwood",
        });
        return response.Id;
    }

    private object Placement(Guid child, string setting, string type = "Residential", string reason = "AssessedNeed", DateOnly? reviewBy = null) => new
    {
        youngPersonId = child, type, reason, setting, startedOn = Today,
        reviewBy = reviewBy ?? Today.AddDays(60),
        rationale = "No foster placement can keep her safe from the group; a small unit near school is the compelling case.",
    };

    private async Task<PlacementResponse> PlaceAsync(Guid child, string setting, string type = "Residential", string reason = "AssessedNeed", string? carer = null)
    {
        using var worker = Worker();
        using var response = await worker.PostAsJsonAsync("/api/referrals/placements", carer is null ? Placement(child, setting, type, reason) : new
        {
            youngPersonId = child, type, reason, setting, startedOn = Today, rationale = "Her own carers since she was 11.", carerUserId = carer,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<PlacementResponse>();
    }

    /// <summary>A 16-year-old boy living at the unit, recorded as a risk to children younger than 14.</summary>
    private async Task<(Guid Resident, Guid Flag)> ResidentWithRiskAsync(string setting, object? flag = null)
    {
        var resident = await RegisterAsync("2010-05-14", "Male");
        await PlaceAsync(resident, setting);
        using var worker = Worker();
        using var response = await worker.PostAsJsonAsync($"/api/referrals/young-people/{resident}/risk-to-others",
            flag ?? new { description = "History of sexually harmful behaviour towards younger children", towardsYoungerThan = 14 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (resident, (await response.ReadAsync<RiskToOthersResponse>()).Id);
    }

    private async Task<ReadPlacements.PlacementHistory> HistoryAsync(Guid child)
    {
        using var worker = Worker();
        return (await worker.GetFromJsonAsync<ReadPlacements.PlacementHistory>($"/api/referrals/young-people/{child}/placements", CaseRequests.Json))!;
    }

    [Fact]
    public async Task A_residential_admission_matching_a_residents_risk_to_others_is_refused_until_a_senior_manager_who_did_not_write_it_approves_a_matching_assessment()
    {
        var unit = Unit();
        await ResidentWithRiskAsync(unit);
        var childE = await RegisterAsync("2014-06-01", "Female"); // 12

        using var worker = Worker();
        using (var refused = await worker.PostAsJsonAsync("/api/referrals/placements", Placement(childE, unit.ToLowerInvariant() + "  ")))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Equal(1, problem.GetProperty("matchingFlags").GetInt32());
            Assert.Equal(JsonValueKind.Null, problem.GetProperty("pendingAssessmentId").ValueKind);
        }
        Assert.Empty((await HistoryAsync(childE)).Placements);

        using var recorded = await worker.PostAsJsonAsync("/api/referrals/placements/matching-assessments", new
        {
            youngPersonId = childE, setting = unit, analysis = "The resident's risk is to younger girls; Child E is 12.", safetyPlan = "Waking night staff; separate corridor.",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var assessment = await recorded.ReadAsync<MatchingAssessmentResponse>();
        Assert.Equal(1, assessment.FlagsConsidered);

        using (var pending = await worker.PostAsJsonAsync("/api/referrals/placements", Placement(childE, unit)))
        {
            Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
            Assert.Equal(assessment.Id, (await pending.ProblemAsync()).GetProperty("pendingAssessmentId").GetGuid());
        }
        using var senior = Senior();
        Assert.Contains((await senior.GetFromJsonAsync<List<MatchingAssessmentResponse>>("/api/referrals/placements/matching-assessments", CaseRequests.Json))!,
            a => a.Id == assessment.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/referrals/placements/matching-assessments/{assessment.Id}/decision",
            new { outcome = "Approved", rationale = "Mine" })).StatusCode);
        using var author = fixture.Host.ClientFor(Roles.SeniorManager, "sw-placements");
        Assert.Equal(HttpStatusCode.Conflict, (await author.PostAsJsonAsync($"/api/referrals/placements/matching-assessments/{assessment.Id}/decision",
            new { outcome = "Approved", rationale = "I wrote it and approve it" })).StatusCode);

        using var approved = await senior.PostAsJsonAsync($"/api/referrals/placements/matching-assessments/{assessment.Id}/decision",
            new { outcome = "Approved", rationale = "The plan manages the risk; review in four weeks." });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await senior.PostAsJsonAsync($"/api/referrals/placements/matching-assessments/{assessment.Id}/decision",
            new { outcome = "Refused", rationale = "Second thoughts" })).StatusCode);

        var placed = await PlaceAsync(childE, unit);
        Assert.Equal(assessment.Id, placed.MatchingAssessmentId);
        var started = Assert.Single(await fixture.OutboxAsync<PlacementStarted>(m => m.YoungPersonId == childE));
        Assert.Equal((assessment.Id, PlacementType.Residential, unit), (started.MatchingAssessmentId, started.Type, started.Setting));

        // A new flag on a resident after the approval is not covered: the next child's admission needs a new assessment.
        var sister = await RegisterAsync("2015-01-01", "Female");
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync("/api/referrals/placements", Placement(sister, unit))).StatusCode);
    }

    [Fact]
    public async Task A_risk_that_does_not_match_the_child_or_has_been_withdrawn_does_not_hold_up_the_admission_and_a_refused_assessment_does()
    {
        var unit = Unit();
        var (_, flag) = await ResidentWithRiskAsync(unit);
        var olderGirl = await RegisterAsync("2011-02-02", "Female"); // 15: the risk is to children younger than 14
        Assert.Null((await PlaceAsync(olderGirl, unit)).MatchingAssessmentId);

        var boysUnit = Unit();
        await ResidentWithRiskAsync(boysUnit, new { description = "Harmful behaviour towards girls", towardsGender = "Female" });
        var boy = await RegisterAsync("2014-06-01", "Male");
        Assert.Null((await PlaceAsync(boy, boysUnit)).MatchingAssessmentId);

        var younger = await RegisterAsync("2014-06-01", "Female");
        using var worker = Worker();
        using var recorded = await worker.PostAsJsonAsync("/api/referrals/placements/matching-assessments", new
        {
            youngPersonId = younger, setting = unit, analysis = "Risk to younger children.", safetyPlan = "None that would do.",
        });
        var assessment = await recorded.ReadAsync<MatchingAssessmentResponse>();
        using var senior = Senior();
        Assert.Equal(HttpStatusCode.OK, (await senior.PostAsJsonAsync($"/api/referrals/placements/matching-assessments/{assessment.Id}/decision",
            new { outcome = "Refused", rationale = "Not safe." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync("/api/referrals/placements", Placement(younger, unit))).StatusCode);

        // A manager withdraws the flag with a reason; it stays on the resident's record, and no longer matches.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/referrals/risk-to-others/{flag}/withdraw", new { reason = "x" })).StatusCode);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-placements");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/referrals/risk-to-others/{flag}/withdraw",
            new { reason = "Completed treatment; reassessed as no longer a risk." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/referrals/risk-to-others/{flag}/withdraw", new { reason = "again" })).StatusCode);
        Assert.Null((await PlaceAsync(younger, unit)).MatchingAssessmentId);
        using var noLonger = await worker.PostAsJsonAsync("/api/referrals/placements/matching-assessments", new
        {
            youngPersonId = younger, setting = unit, analysis = "a", safetyPlan = "b",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noLonger.StatusCode);
        Assert.Equal(["setting"], await noLonger.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_placement_needs_its_fields_and_residential_care_a_review_by_date_within_the_limit_and_the_next_placement_ends_the_current_one()
    {
        var child = await RegisterAsync("2013-03-03", "Female");
        using var worker = Worker();
        using (var missing = await worker.PostAsJsonAsync("/api/referrals/placements", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal(["rationale", "reason", "setting", "startedOn", "type", "youngPersonId"], (await missing.ErrorFieldsAsync()).Order());
        }
        async Task<IReadOnlyList<string>> UnprocessableAsync(object body)
        {
            using var response = await worker.PostAsJsonAsync("/api/referrals/placements", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.ErrorFieldsAsync();
        }
        const string rationale = "Why this placement.";
        Assert.Equal(["reviewBy"], await UnprocessableAsync(new { youngPersonId = child, type = "Secure", reason = "ProtectionFromHarm", setting = "Unit", startedOn = Today, rationale }));
        Assert.Equal(["reviewBy"], await UnprocessableAsync(new { youngPersonId = child, type = "Residential", reason = "AssessedNeed", setting = "Unit", startedOn = Today, reviewBy = Today.AddDays(91), rationale }));
        Assert.Equal(["reviewBy"], await UnprocessableAsync(new { youngPersonId = child, type = "FosterCare", reason = "AssessedNeed", setting = "Carers", startedOn = Today, reviewBy = Today, rationale }));
        Assert.Equal(["startedOn"], await UnprocessableAsync(new { youngPersonId = child, type = "FosterCare", reason = "AssessedNeed", setting = "Carers", startedOn = Today.AddDays(1), rationale }));
        Assert.Equal(["youngPersonId"], await UnprocessableAsync(new { youngPersonId = Guid.NewGuid(), type = "FosterCare", reason = "AssessedNeed", setting = "Carers", startedOn = Today, rationale }));
        using (var badEnum = await worker.PostAsJsonAsync("/api/referrals/placements", new { youngPersonId = child, type = 3, reason = "AssessedNeed", setting = "Carers", startedOn = Today, rationale }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        }
        Assert.Empty((await HistoryAsync(child)).Placements);

        // The edge: exactly 90 days is allowed.
        using (var atLimit = await worker.PostAsJsonAsync("/api/referrals/placements", new { youngPersonId = child, type = "Residential", reason = "AssessedNeed", setting = Unit(), startedOn = Today.AddDays(-1), reviewBy = Today.AddDays(89), rationale }))
        {
            Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        }
        var foster = await PlaceAsync(child, "Mr and Mrs Hall", type: "FosterCare", reason: "PlacementBreakdown");
        Assert.Equal(["startedOn"], await UnprocessableAsync(new { youngPersonId = child, type = "FosterCare", reason = "AssessedNeed", setting = "Carers", startedOn = Today.AddDays(-2), rationale }));
        var history = await HistoryAsync(child);
        Assert.Equal(2, history.Placements.Count);
        Assert.Equal((foster.Id, true), (history.Placements[0].Id, history.Placements[0].Current));
        Assert.Equal((false, (DateOnly?)Today, (PlacementReason?)PlacementReason.PlacementBreakdown),
            (history.Placements[1].Current, history.Placements[1].EndedOn, history.Placements[1].EndReason));
        Assert.Equal(history.Placements[1].Id, Assert.Single(await fixture.OutboxAsync<PlacementStarted>(m => m.PlacementId == foster.Id)).PreviousPlacementId);
    }

    [Fact]
    public async Task A_placement_chosen_ended_or_refused_for_cost_or_shortage_is_recorded_as_unmet_need_and_other_reasons_are_not()
    {
        var child = await RegisterAsync("2013-03-03", "Female");
        await PlaceAsync(child, Unit(), reason: "NoFosterPlacementAvailable");
        using var worker = Worker();
        using (var refusal = await worker.PostAsJsonAsync("/api/referrals/placements/refusals", new
        {
            youngPersonId = child, requestedType = "OutOfArea", reason = "CostConstraint", note = "Specialist unit in Leeds not sanctioned: cost.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, refusal.StatusCode);
        }
        using (var notARefusal = await worker.PostAsJsonAsync("/api/referrals/placements/refusals", new
        {
            youngPersonId = child, requestedType = "FosterCare", reason = "AssessedNeed", note = "x",
        }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notARefusal.StatusCode);
            Assert.Equal(["reason"], await notARefusal.ErrorFieldsAsync());
        }
        var current = (await HistoryAsync(child)).Placements.Single();
        using (var ended = await worker.PostAsJsonAsync($"/api/referrals/placements/{current.Id}/end", new { endedOn = Today, reason = "CostConstraint" }))
        {
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/referrals/placements/{current.Id}/end", new { endedOn = Today, reason = "AssessedNeed" })).StatusCode);
        await PlaceAsync(child, "Gran", type: "Home", reason: "YoungPersonsWish");

        var needs = await fixture.OutboxAsync<UnmetNeedRecorded>(m => m.YoungPersonId == child);
        Assert.Equal([UnmetNeedReason.NotAvailable, UnmetNeedReason.CostConstraint, UnmetNeedReason.CostConstraint], needs.Select(n => n.Reason).Order());
        Assert.All(needs, n => Assert.Equal(("Placement", "referrals", "sw-placements"), (n.NeedCategory, n.RecordedByService, n.RecordedBy)));
        var history = await HistoryAsync(child);
        Assert.Equal(PlacementType.OutOfArea, Assert.Single(history.Refusals).RequestedType);
        Assert.Equal(HttpStatusCode.Forbidden, (await Carer().PostAsJsonAsync("/api/referrals/placements", Placement(child, "x"))).StatusCode);
    }

    [Fact]
    public async Task A_carer_reads_the_childs_must_not_have_contact_list_and_reporting_contact_by_a_listed_person_raises_a_critical_incident_for_senior_managers()
    {
        var child = await RegisterAsync("2010-09-09", "Female");
        var placement = await PlaceAsync(child, "Mrs Dean", type: "FosterCare", carer: "carer-placements");
        using var worker = Worker();
        using var listed = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/barred-persons", new
        {
            name = "Adult A", description = "Man in his 30s, silver Vauxhall, calls himself 'Boss'", reason = "Suspected of exploiting her",
        });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var barred = await listed.ReadAsync<BarredPersonResponse>();
        using var carer = Carer();
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.PostAsJsonAsync($"/api/referrals/young-people/{child}/barred-persons",
            new { name = "n", description = "d", reason = "r" })).StatusCode);
        // The list is shared with the carer the child is placed with, and with no other carer (REC-11).
        using (var other = fixture.Host.ClientFor(Roles.Carer, "another-carer"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/referrals/young-people/{child}/barred-persons")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts",
                new { barredPersonId = barred.Id, occurredAt = fixture.Clock.GetUtcNow().AddHours(-1), account = "x" })).StatusCode);
        }
        var list = (await carer.GetFromJsonAsync<List<BarredPersonResponse>>($"/api/referrals/young-people/{child}/barred-persons", CaseRequests.Json))!;
        Assert.Equal("Adult A", Assert.Single(list).Name);

        var otherChild = await RegisterAsync("2012-09-09", "Female");
        using var othersList = await worker.PostAsJsonAsync($"/api/referrals/young-people/{otherChild}/barred-persons", new { name = "Adult B", description = "d", reason = "r" });
        var notHers = await othersList.ReadAsync<BarredPersonResponse>();
        using (var wrongPerson = await carer.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts",
            new { barredPersonId = notHers.Id, occurredAt = fixture.Clock.GetUtcNow().AddHours(-2), account = "x" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongPerson.StatusCode);
            Assert.Equal(["barredPersonId"], await wrongPerson.ErrorFieldsAsync());
        }

        var seenAt = fixture.Clock.GetUtcNow().AddHours(-2);
        using var reported = await carer.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts", new
        {
            barredPersonId = barred.Id, occurredAt = seenAt, account = "He picked her up from the end of the road in the silver car.",
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var report = await reported.ReadAsync<BarredContactResponse>();
        var raised = Assert.Single(await fixture.OutboxAsync<CriticalIncidentRaised>(m => m.YoungPersonId == child));
        Assert.Equal((report.CriticalIncidentId, CriticalIncidentKind.ContactWithBarredPerson, $"barred-contact:{report.Id}", seenAt),
            (raised.IncidentId, raised.Kind, raised.SourceReference, raised.IncidentAt));
        await using (var db = fixture.CreateDbContext())
        {
            var incident = await db.Set<CriticalIncident>().SingleAsync(i => i.Id == report.CriticalIncidentId);
            Assert.Equal((child, "carer-placements"), (incident.YoungPersonId, incident.RecordedBy));
        }

        using var ending = await worker.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/end", new { endedOn = Today, reason = "YoungPersonsWish" });
        Assert.Equal(HttpStatusCode.OK, ending.StatusCode);
        // The carer's access ended with the placement.
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts",
            new { barredPersonId = barred.Id, occurredAt = seenAt, account = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.GetAsync($"/api/referrals/young-people/{child}/barred-persons")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts",
            new { barredPersonId = barred.Id, occurredAt = seenAt, account = "again" })).StatusCode);
        var relationship = Assert.Single(await fixture.OutboxAsync<SharingRelationshipRecorded>(m => m.YoungPersonId == child));
        Assert.Equal(("carer-placements", SharingRelationshipKind.Placement), (relationship.UserId, relationship.Kind));
        Assert.Equal(relationship.RelationshipId, Assert.Single(await fixture.OutboxAsync<SharingRelationshipEnded>(m => m.YoungPersonId == child)).RelationshipId);
    }

    [Fact]
    public async Task A_manager_takes_someone_off_the_list_with_a_reason_the_carer_no_longer_sees_them_and_the_entry_stays_on_the_record()
    {
        var child = await RegisterAsync("2011-09-09", "Female");
        var placement = await PlaceAsync(child, "Mr and Mrs Ali", type: "FosterCare", carer: "carer-removal");
        using var worker = Worker();
        using var listed = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/barred-persons", new { name = "Wrong Name", description = "d", reason = "r" });
        var person = await listed.ReadAsync<BarredPersonResponse>();
        var remove = $"/api/referrals/young-people/{child}/barred-persons/{person.Id}/remove";

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync(remove, new { reason = "typed by mistake" })).StatusCode);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-placements");
        using (var noReason = await manager.PostAsJsonAsync(remove, new { }))
        {
            Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/barred-persons/{person.Id}/remove", new { reason = "x" })).StatusCode);
        using (var removed = await manager.PostAsJsonAsync(remove, new { reason = "Entered on the wrong child's record." }))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync(remove, new { reason = "again" })).StatusCode);

        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-removal");
        Assert.Empty((await carer.GetFromJsonAsync<List<BarredPersonResponse>>($"/api/referrals/young-people/{child}/barred-persons", CaseRequests.Json))!);
        var all = Assert.Single((await worker.GetFromJsonAsync<List<BarredPersonResponse>>($"/api/referrals/young-people/{child}/barred-persons?includeRemoved=true", CaseRequests.Json))!);
        Assert.Equal(("Wrong Name", "tm-placements", "Entered on the wrong child's record."), (all.Name, all.RemovedBy, all.RemovalReason));
        using var report = await carer.PostAsJsonAsync($"/api/referrals/placements/{placement.Id}/barred-contacts",
            new { barredPersonId = person.Id, occurredAt = fixture.Clock.GetUtcNow().AddHours(-1), account = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, report.StatusCode);
        Assert.Equal(["barredPersonId"], await report.ErrorFieldsAsync());
    }
}
