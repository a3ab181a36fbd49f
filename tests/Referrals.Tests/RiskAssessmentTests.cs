using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REF-14, REF-15: the suggested level, the chosen level, and lowering only with a rationale and a manager.</summary>
public sealed class RiskAssessmentTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private async Task<Guid> PersonAsync(string dateOfBirth = "2011-03-10")
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "sw-register");
        return (await client.RegisterAsync(YoungPersonRequests.Valid("Risk", "Assessed", dateOfBirth))).Id;
    }

    private async Task<CurrentRiskLevel?> CurrentAsync(Guid person)
    {
        await using var db = fixture.CreateDbContext();
        return await db.CurrentRiskLevels.AsNoTracking().SingleOrDefaultAsync(c => c.YoungPersonId == person);
    }

    [Fact]
    public async Task An_assessment_shows_the_suggested_level_the_rule_version_and_the_rules_and_indicators_that_produced_it()
    {
        var person = await PersonAsync("2011-03-10"); // 15 on the event date
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-1");

        var assessment = await worker.AssessAsync(person, RiskRequests.Assessment(
            chosenLevel: "High", indicators: ["PickedUpByTaxi", "SchoolAbsence", "Unhappy", "AttitudeChange", "NoFriendsOrIsolated"]));

        Assert.Equal(RiskLevel.High, assessment.SuggestedLevel);
        Assert.Equal(RiskRuleTable.Version, assessment.RuleTableVersion);
        Assert.Equal(["R5", "R7"], assessment.Rules.Select(r => r.RuleId));
        Assert.Equal([RiskIndicator.PickedUpByTaxi], assessment.ContributingIndicators);
        Assert.Equal(RiskLevel.High, assessment.ChosenLevel);
        Assert.Equal(RiskAssessmentStatus.Applied, assessment.Status);
        Assert.Equal(15, assessment.AgeOnEventDate);
        Assert.Equal("ow-1", assessment.RecordedBy);
        Assert.Equal(Roles.OutreachWorker, assessment.RecordedByRole);
        Assert.Equal(ReferralsFixture.Now, assessment.RecordedAt.Utc);
        Assert.Empty(assessment.LegalFlags);
        Assert.Empty(assessment.Prompts);
    }

    [Fact]
    public async Task A_first_assessment_puts_its_level_in_force_and_announces_it_with_no_previous_level()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-first");

        var assessment = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));

        Assert.Equal(RiskLevel.Low, assessment.SuggestedLevel);
        Assert.True(assessment.Override);
        Assert.Equal(RiskLevel.Medium, (await CurrentAsync(person))!.Level);
        var changed = Assert.Single(await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person));
        Assert.Null(changed.PreviousLevel);
        Assert.Equal(RiskLevel.Medium, changed.NewLevel);
        Assert.Equal(RiskLevel.Low, changed.SuggestedLevel);
        Assert.False(changed.IsDowngrade);
        Assert.Equal(assessment.Id, changed.SourceId);
        Assert.Equal("sw-first", changed.RecordedBy);
    }

    [Fact]
    public async Task Raising_the_level_needs_no_rationale_or_countersignature()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));

        var raised = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "VeryHigh"));

        Assert.Equal(RiskAssessmentStatus.Applied, raised.Status);
        Assert.Equal(RiskLevel.Low, raised.PreviousLevel);
        Assert.Equal(RiskLevel.VeryHigh, (await CurrentAsync(person))!.Level);
        var changes = await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person);
        Assert.Equal([RiskLevel.Low, RiskLevel.VeryHigh], changes.Select(c => c.NewLevel));
        Assert.False(changes[1].IsDowngrade);
        Assert.Null(changes[1].ApprovedBy);
    }

    [Fact]
    public async Task Choosing_a_level_below_the_suggested_one_without_a_rationale_is_a_422_naming_rationale_and_stores_nothing()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(chosenLevel: "Low", indicators: ["InjuriesOnReturn"], rationale: "  "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["rationale"], await response.ErrorFieldsAsync());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.RiskAssessments.AnyAsync(a => a.YoungPersonId == person));
        Assert.Null(await CurrentAsync(person));
    }

    [Fact]
    public async Task Choosing_below_the_suggested_level_waits_for_a_manager_and_the_suggested_level_is_in_force_until_then()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-casey-u");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-approver");

        // Casey-U: a "low" rating against indicators that say otherwise (REF-14).
        var assessment = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low",
            indicators: ["AdultsVisitingHome", "SiblingWithCseHistory", "DomesticViolenceAtHome", "ParentInPrison", "SchoolAbsence"],
            rationale: "Mother says the visitors are family friends."));

        Assert.Equal(RiskLevel.Medium, assessment.SuggestedLevel);
        Assert.Equal(RiskAssessmentStatus.AwaitingCountersignature, assessment.Status);
        Assert.Equal(RiskLevel.Medium, (await CurrentAsync(person))!.Level);

        using var signed = await manager.CountersignAsync(assessment);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var after = await signed.ReadAsync<RiskAssessmentResponse>();
        Assert.Equal(RiskAssessmentStatus.Countersigned, after.Status);
        Assert.Equal("tm-approver", after.CountersignedBy);
        Assert.Equal(RiskLevel.Low, (await CurrentAsync(person))!.Level);
        var changes = await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person);
        Assert.Equal([RiskLevel.Medium, RiskLevel.Low], changes.Select(c => c.NewLevel));
        Assert.True(changes[1].IsDowngrade);
        Assert.Equal("tm-approver", changes[1].ApprovedBy);
        Assert.Equal(RiskLevel.Medium, changes[1].PreviousLevel);

        // Both levels are stored (the override rate of REF-14).
        await using var db = fixture.CreateDbContext();
        var stored = await db.RiskAssessments.SingleAsync(a => a.Id == assessment.Id);
        Assert.Equal((RiskLevel.Medium, RiskLevel.Low), (stored.SuggestedLevel, stored.ChosenLevel));
    }

    [Fact]
    public async Task Lowering_the_level_in_force_keeps_the_previous_level_until_a_manager_countersigns_even_when_nothing_new_is_typed()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-lower");
        using var manager = fixture.Host.ClientFor(Roles.SeniorManager, "sm-lower");
        var first = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High", indicators: ["PickedUpByTaxi"]));

        using var noRationale = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRationale.StatusCode);
        Assert.Equal(["rationale"], await noRationale.ErrorFieldsAsync());

        var lower = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low", rationale: "No indicators for three months."));
        // REF-14: nothing new typed, but the record still shows the taxi: the suggestion counts it.
        Assert.Equal(first.SuggestedLevel, lower.SuggestedLevel);
        Assert.Equal([RiskIndicator.PickedUpByTaxi], lower.IndicatorsFromRecord);
        Assert.Equal(RiskAssessmentStatus.AwaitingCountersignature, lower.Status);
        Assert.Equal(RiskLevel.High, (await CurrentAsync(person))!.Level);
        Assert.Single(await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person));

        Assert.Equal(HttpStatusCode.OK, (await manager.CountersignAsync(lower)).StatusCode);
        Assert.Equal(RiskLevel.Low, (await CurrentAsync(person))!.Level);
        var downgrade = (await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person))[^1];
        Assert.True(downgrade.IsDowngrade);
        Assert.Equal("sm-lower", downgrade.ApprovedBy);
    }

    [Fact]
    public async Task A_low_rating_is_challenged_against_the_indicators_of_the_young_persons_referrals_even_when_none_is_typed_again()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-record");
        await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow().AddDays(-20), indicators: ["OlderBoyfriend", "GiftsMoneyOrAttention"]));

        using var typedNothing = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, typedNothing.StatusCode);
        Assert.Equal(["rationale"], await typedNothing.ErrorFieldsAsync());

        var rated = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low", rationale: "Boyfriend is 15; gifts explained by an aunt."));
        Assert.True(rated.SuggestedLevel > RiskLevel.Low);
        Assert.Equal([RiskIndicator.OlderBoyfriend, RiskIndicator.GiftsMoneyOrAttention], rated.IndicatorsFromRecord.Order());
        Assert.Empty(rated.Indicators);
        Assert.Equal(RiskAssessmentStatus.AwaitingCountersignature, rated.Status);
    }

    [Fact]
    public async Task Only_a_manager_who_did_not_record_it_can_countersign_and_only_once()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-own");
        using var ownManager = fixture.Host.ClientFor(Roles.TeamManager, "tm-own");
        using var otherManager = fixture.Host.ClientFor(Roles.TeamManager, "tm-other");
        var assessment = await ownManager.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low", indicators: ["ThreatsReceived"], rationale: "Threat was withdrawn."));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.CountersignAsync(assessment)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownManager.CountersignAsync(assessment)).StatusCode);
        Assert.Equal(RiskLevel.VeryHigh, (await CurrentAsync(person))!.Level);
        Assert.Equal(HttpStatusCode.OK, (await otherManager.CountersignAsync(assessment)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await otherManager.CountersignAsync(assessment)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync($"/api/referrals/young-people/{person}/risk-assessments/{Guid.NewGuid()}/countersign", null)).StatusCode);
    }

    [Fact]
    public async Task An_assessment_that_needs_no_countersignature_or_was_superseded_cannot_be_countersigned()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-super");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-super");
        var applied = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High"));
        var waiting = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium", rationale: "Settled placement."));
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "VeryHigh"));

        Assert.Equal(HttpStatusCode.Conflict, (await manager.CountersignAsync(applied)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.CountersignAsync(waiting)).StatusCode);
        Assert.Equal(RiskLevel.VeryHigh, (await CurrentAsync(person))!.Level);
    }

    [Fact]
    public async Task Missing_episodes_seen_in_the_90_days_up_to_the_event_date_raise_the_suggestion_to_high()
    {
        var person = await PersonAsync();
        await using (var db = fixture.CreateDbContext())
        {
            // Event date 2026-11-20: the window is 2026-08-23 to 2026-11-20 London dates (GMT in November, BST in August).
            db.MissingEpisodesSeen.Add(MissingEpisodeSeen.From(Guid.NewGuid(), person, new DateTimeOffset(2026, 8, 22, 22, 59, 0, TimeSpan.Zero), ReferralsFixture.Now));
            db.MissingEpisodesSeen.Add(MissingEpisodeSeen.From(Guid.NewGuid(), person, new DateTimeOffset(2026, 8, 22, 23, 0, 0, TimeSpan.Zero), ReferralsFixture.Now));
            db.MissingEpisodesSeen.Add(MissingEpisodeSeen.From(Guid.NewGuid(), person, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), ReferralsFixture.Now));
            await db.SaveChangesAsync();
        }
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        var two = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));
        Assert.Equal(2, two.MissingEpisodesInLast90Days);
        Assert.Equal(RiskLevel.Low, two.SuggestedLevel);

        await using (var db = fixture.CreateDbContext())
        {
            db.MissingEpisodesSeen.Add(MissingEpisodeSeen.From(Guid.NewGuid(), person, new DateTimeOffset(2026, 11, 20, 23, 59, 0, TimeSpan.Zero), ReferralsFixture.Now));
            await db.SaveChangesAsync();
        }
        var three = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High"));
        Assert.Equal(3, three.MissingEpisodesInLast90Days);
        Assert.Equal(RiskLevel.High, three.SuggestedLevel);
        Assert.Contains(three.Rules, r => r.RuleId == "R6");
    }

    [Fact]
    public async Task A_count_of_missing_episodes_given_by_the_assessor_is_used_when_it_is_higher()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        var assessment = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High", missingEpisodes: 4));

        Assert.Equal(4, assessment.MissingEpisodesInLast90Days);
        Assert.Equal(RiskLevel.High, assessment.SuggestedLevel);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_an_unknown_young_person_is_a_404()
    {
        var person = await PersonAsync("2011-03-10");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var missing = await worker.PostAsJsonAsync($"/api/referrals/young-people/{person}/risk-assessments", new { indicators = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["chosenLevel", "eventDate"], (await missing.ErrorFieldsAsync()).Order());

        using var unknownIndicator = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(indicators: ["Lifestyle"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownIndicator.StatusCode);

        using var future = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(eventDate: "2026-11-26"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal(["eventDate"], await future.ErrorFieldsAsync());

        using var beforeBirth = await worker.PostAssessmentAsync(person, RiskRequests.Assessment(eventDate: "2011-03-09"));
        Assert.Equal(["eventDate"], await beforeBirth.ErrorFieldsAsync());

        using var unknown = await worker.PostAssessmentAsync(Guid.NewGuid(), RiskRequests.Assessment());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Commissioners_cannot_record_or_read_assessments()
    {
        var person = await PersonAsync();
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);

        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAssessmentAsync(person, RiskRequests.Assessment())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/young-people/{person}/risk-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/young-people/{person}/legal-flags")).StatusCode);
    }

    [Fact]
    public async Task Reading_assessments_is_audited_and_they_cannot_be_edited_in_the_database()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-writer");
        using var reader = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-reader");
        var assessment = await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));

        var list = await reader.GetFromJsonAsync<List<RiskAssessmentResponse>>($"/api/referrals/young-people/{person}/risk-assessments", YoungPersonRequests.Json);
        var one = await reader.GetFromJsonAsync<RiskAssessmentResponse>($"/api/referrals/young-people/{person}/risk-assessments/{assessment.Id}", YoungPersonRequests.Json);
        Assert.Equal(assessment.Id, Assert.Single(list!).Id);
        Assert.Equal(RiskLevel.Medium, one!.ChosenLevel);

        await using var db = fixture.CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == person && e.Actor == "pc-reader" && e.Action == AccessActions.Read).CountAsync();
        Assert.Equal(2, reads);
        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE referrals.risk_assessments SET chosen_level = 'Low' WHERE id = {assessment.Id}"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
    }
}
