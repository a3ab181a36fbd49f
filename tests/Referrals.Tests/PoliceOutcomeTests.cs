using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Cases;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging;
using Support.Messaging.Outbox;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using static Support.Referrals.Tests.PoliceOutcomeRequests;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-09: a police outcome is recorded, signed from the token and audited when read; a correction is a new record; and
/// no outcome, "no further action" least of all, closes a case or a referral or lowers a risk level.
/// </summary>
public sealed class PoliceOutcomeTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Police(string user = "pc-liaison") => fixture.Host.ClientFor(Roles.PoliceLiaison, user);
    private HttpClient Worker(string user = "sw-police-outcomes") => fixture.Host.ClientFor(Roles.SocialWorker, user);

    private sealed record State(
        RiskLevel Level, Guid LevelSource, DateTimeOffset LevelSetAt, CaseStatus CaseStatus, int CaseVersion, DateTimeOffset? CaseClosedAt,
        DateTimeOffset? ReferralDecidedAt, int ReferralDecisions, CseType ReferralCseType, ReferralPriority ReferralPriority);

    private async Task<State> StateAsync(Guid person, Guid caseId, Guid referralId)
    {
        await using var db = fixture.CreateDbContext();
        var level = await db.CurrentRiskLevels.AsNoTracking().SingleAsync(l => l.YoungPersonId == person);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId);
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Decisions).SingleAsync(r => r.Id == referralId);
        return new(level.Level, level.SourceId, level.SetAt, @case.Status, @case.Version, @case.ClosedAt, referral.DecidedAt,
            referral.Decisions.Count, referral.CseType, referral.Priority);
    }

    [Fact]
    public async Task A_police_outcome_is_signed_from_the_token_at_server_time_and_says_the_case_stays_open_and_the_risk_level_is_unchanged()
    {
        using var worker = Worker();
        using var police = Police("pc-44");
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High"));
        var body = Outcome(caseId: @case.Id, note: "CPS advice: no further action.");
        // A request cannot say who recorded it or when (REC-01): such members are refused by name, not stored.
        var forged = new Dictionary<string, object?>(body) { ["recordedBy"] = "someone-else", ["recordedAt"] = "2020-01-01T00:00:00Z" };
        using (var refused = await police.PostPoliceOutcomeAsync(person, forged))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("recordedBy", await refused.ErrorFieldsAsync());
        }

        var recorded = await police.RecordPoliceOutcomeAsync(person, body);

        var outcome = recorded.Outcome;
        Assert.Equal(PoliceOutcomeKind.NoFurtherAction, outcome.Outcome);
        Assert.Equal(new DateOnly(2026, 11, 20), outcome.OutcomeOn);
        Assert.Equal(("pc-44", Roles.PoliceLiaison), (outcome.RecordedBy, outcome.RecordedByRole));
        Assert.Equal(fixture.Clock.GetUtcNow(), outcome.RecordedAt.Utc);
        Assert.Equal((person, @case.Id, (Guid?)null), (outcome.YoungPersonId, outcome.CaseId, outcome.ReferralId));
        Assert.Equal(("14/98765/26", "CPS advice: no further action."), (outcome.CrimeReference, outcome.Note));
        Assert.True(outcome.Current);
        Assert.Null(outcome.Corrects);
        var effect = recorded.Effect;
        Assert.False(effect.ClosesCase);
        Assert.False(effect.ChangesRiskLevel);
        Assert.Equal((@case.Id, RiskLevel.High), (effect.OpenCaseId, effect.RiskLevel));
        Assert.Contains(effect.DoesNotDo, s => s.Contains($"does not close case {@case.Id}", StringComparison.Ordinal) && s.Contains("stays open", StringComparison.Ordinal));
        Assert.Contains(effect.DoesNotDo, s => s.Contains("the level stays High", StringComparison.Ordinal));
        Assert.Contains("risk assessment after this outcome", effect.ClosureRequires, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoFurtherAction")]
    [InlineData("NoCharge")]
    [InlineData("InsufficientEvidence")]
    public async Task A_police_outcome_such_as_no_further_action_leaves_the_risk_level_the_case_and_the_referral_as_they_were(string kind)
    {
        using var worker = Worker();
        using var police = Police();
        var person = await worker.RegisterChildAsync();
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "VeryHigh"));
        var @case = await worker.OpenCaseAsync(person);
        var referral = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow().AddHours(-2)));
        var before = await StateAsync(person, @case.Id, referral.Id);
        var levelChangesBefore = (await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person)).Count;
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        await police.RecordPoliceOutcomeAsync(person, Outcome(kind, referralId: referral.Id, caseId: @case.Id));

        var after = await StateAsync(person, @case.Id, referral.Id);
        Assert.Equal(before, after);
        Assert.Equal((RiskLevel.VeryHigh, CaseStatus.Open, (DateTimeOffset?)null), (after.Level, after.CaseStatus, after.ReferralDecidedAt));
        Assert.Equal(levelChangesBefore, (await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person)).Count);
        Assert.Empty(await fixture.OutboxAsync<CaseClosed>(m => m.YoungPersonId == person));
        Assert.Empty(await fixture.OutboxAsync<ReferralDecided>(m => m.YoungPersonId == person));
        Assert.Single(await fixture.OutboxAsync<PoliceOutcomeRecorded>(m => m.YoungPersonId == person));
    }

    [Fact]
    public async Task A_missing_or_unknown_outcome_a_missing_date_or_a_reasonless_correction_is_a_400_naming_the_field_and_stores_nothing()
    {
        using var worker = Worker();
        using var police = Police();
        var person = await worker.RegisterChildAsync();
        var numeric = Outcome();
        numeric["outcome"] = 99;

        using var missing = await police.PostPoliceOutcomeAsync(person, Outcome(outcome: null, outcomeOn: null));
        using var unknown = await police.PostPoliceOutcomeAsync(person, Outcome(outcome: "Acquitted"));
        using var number = await police.PostPoliceOutcomeAsync(person, numeric);
        using var longReference = await police.PostPoliceOutcomeAsync(person, Outcome(crimeReference: new string('7', 51)));
        using var reasonless = await police.PostPoliceOutcomeAsync(person, Outcome(corrects: Guid.NewGuid(), correctionReason: " "));

        Assert.All(new[] { missing, unknown, number, longReference, reasonless }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(["outcome", "outcomeOn"], (await missing.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["outcome"], await unknown.ErrorFieldsAsync());
        Assert.Equal(["outcome"], await number.ErrorFieldsAsync());
        Assert.Equal(["crimeReference"], await longReference.ErrorFieldsAsync());
        Assert.Equal(["correctionReason"], await reasonless.ErrorFieldsAsync());
        Assert.Empty(await police.PoliceOutcomesAsync(person));
        Assert.Empty(await fixture.OutboxAsync<PoliceOutcomeRecorded>(m => m.YoungPersonId == person));
    }

    [Fact]
    public async Task A_future_date_a_date_before_birth_or_a_referral_case_or_record_of_another_young_person_is_a_422_naming_the_field()
    {
        using var worker = Worker();
        using var police = Police();
        var person = await worker.RegisterChildAsync("2013-03-03");
        var other = await worker.RegisterChildAsync();
        var othersCase = await worker.OpenCaseAsync(other);
        var othersReferral = await worker.ReferAsync(ReferralRequests.For(other, fixture.Clock.GetUtcNow().AddHours(-1)));
        var othersOutcome = (await police.RecordPoliceOutcomeAsync(other)).Outcome;
        var today = CaseRequests.LondonDate(fixture.Clock.GetUtcNow());

        var cases = new (Dictionary<string, object?> Body, string Field)[]
        {
            (Outcome(outcomeOn: today.AddDays(1).ToString("yyyy-MM-dd")), "outcomeOn"),
            (Outcome(outcomeOn: "2013-03-02"), "outcomeOn"),
            (Outcome(referralId: othersReferral.Id), "referralId"),
            (Outcome(referralId: Guid.NewGuid()), "referralId"),
            (Outcome(caseId: othersCase.Id), "caseId"),
            (Outcome(caseId: Guid.NewGuid()), "caseId"),
            (Outcome(corrects: othersOutcome.Id, correctionReason: "Wrong child"), "corrects"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await police.PostPoliceOutcomeAsync(person, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal([field], await response.ErrorFieldsAsync());
        }

        Assert.Empty(await police.PoliceOutcomesAsync(person));
        var onToday = await police.RecordPoliceOutcomeAsync(person, Outcome(outcomeOn: today.ToString("yyyy-MM-dd")));
        Assert.Equal(today, onToday.Outcome.OutcomeOn);
    }

    [Fact]
    public async Task Today_is_the_London_date_so_an_outcome_reached_after_midnight_in_summer_time_is_not_in_the_future()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        await using var host = await ReferralsHostAt.StartAsync(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
        using var police = host.Host.ClientFor(Roles.PoliceLiaison, "pc-night");
        var person = (await police.RegisterAsync()).Id;

        var recorded = await police.RecordPoliceOutcomeAsync(person, Outcome(outcomeOn: "2026-07-01"));
        using var tomorrow = await police.PostPoliceOutcomeAsync(person, Outcome(outcomeOn: "2026-07-02"));

        Assert.Equal(new DateOnly(2026, 7, 1), recorded.Outcome.OutcomeOn);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tomorrow.StatusCode);
        Assert.Equal(["outcomeOn"], await tomorrow.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Commissioners_get_403_anonymous_callers_401_and_an_unknown_young_person_404_without_an_access_log_entry()
    {
        using var worker = Worker();
        using var police = Police();
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);
        using var anonymous = fixture.Host.CreateClient();
        var person = await worker.RegisterChildAsync();
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostPoliceOutcomeAsync(person)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(PathFor(person))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostPoliceOutcomeAsync(person)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(PathFor(person))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostPoliceOutcomeAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(PathFor(unknown))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"{PathFor(person)}/{Guid.NewGuid()}")).StatusCode);

        Assert.Empty(await police.PoliceOutcomesAsync(person));
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<AccessLogEntry>().AnyAsync(e => e.SubjectId == unknown));
    }

    [Fact]
    public async Task The_list_is_newest_first_and_every_read_of_it_or_of_one_outcome_is_in_the_access_log()
    {
        using var worker = Worker("sw-recorder");
        using var police = Police("pc-reader");
        var person = await worker.RegisterChildAsync();
        var first = (await police.RecordPoliceOutcomeAsync(person, Outcome("StillUnderInvestigation", "2026-10-01"))).Outcome;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await worker.RecordPoliceOutcomeAsync(person, Outcome("Cautioned", "2026-11-20"))).Outcome;

        var list = await police.PoliceOutcomesAsync(person);
        using var one = await police.GetAsync($"{PathFor(person)}/{first.Id}");

        Assert.Equal([second.Id, first.Id], list.Select(o => o.Id));
        Assert.Equal(("sw-recorder", Roles.SocialWorker), (list[0].RecordedBy, list[0].RecordedByRole));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(PoliceOutcomeKind.StillUnderInvestigation, (await one.ReadAsync<Support.Referrals.Features.PoliceOutcomes.PoliceOutcomeResponse>()).Outcome);
        await using var db = fixture.CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.SubjectId == person && e.Actor == "pc-reader" && e.Action == AccessActions.Read).ToListAsync();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(Roles.PoliceLiaison, r.ActorRoles));
    }

    [Fact]
    public async Task A_correction_is_a_new_record_pointing_at_the_original_which_stays_as_it_was_and_only_the_latest_can_be_corrected()
    {
        using var worker = Worker();
        using var police = Police("pc-corrector");
        var person = await worker.RegisterChildAsync();
        var original = (await police.RecordPoliceOutcomeAsync(person, Outcome("NoFurtherAction", "2026-11-20"))).Outcome;
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var correction = (await police.RecordPoliceOutcomeAsync(person, Outcome("InsufficientEvidence", "2026-11-19",
            corrects: original.Id, correctionReason: "Mistyped: the police letter says insufficient evidence, on the 19th."))).Outcome;

        Assert.NotEqual(original.Id, correction.Id);
        Assert.Equal(original.Id, correction.Corrects);
        Assert.Equal("Mistyped: the police letter says insufficient evidence, on the 19th.", correction.CorrectionReason);
        Assert.Equal(("pc-corrector", fixture.Clock.GetUtcNow()), (correction.RecordedBy, correction.RecordedAt.Utc));
        var list = await police.PoliceOutcomesAsync(person);
        var old = list.Single(o => o.Id == original.Id);
        Assert.Equal((PoliceOutcomeKind.NoFurtherAction, new DateOnly(2026, 11, 20), original.RecordedAt), (old.Outcome, old.OutcomeOn, old.RecordedAt));
        Assert.Equal((false, (Guid?)correction.Id), (old.Current, old.CorrectedBy));
        Assert.True(list.Single(o => o.Id == correction.Id).Current);

        using var again = await police.PostPoliceOutcomeAsync(person, Outcome("Charged", corrects: original.Id, correctionReason: "Charged after all"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(correction.Id, (await again.ProblemAsync()).GetProperty("correctedBy").GetGuid());
        Assert.Equal(2, (await police.PoliceOutcomesAsync(person)).Count);
        Assert.Equal(new Guid?[] { null, original.Id }, (await fixture.OutboxAsync<PoliceOutcomeRecorded>(m => m.YoungPersonId == person)).Select(m => m.Corrects));

        await using var db = fixture.CreateDbContext();
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE referrals.police_outcomes SET outcome = 'Charged' WHERE id = {original.Id}"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM referrals.police_outcomes WHERE id = {original.Id}"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_puts_PoliceOutcomeRecorded_in_the_outbox_with_ids_and_codes_but_not_the_note_or_crime_reference()
    {
        using var worker = Worker();
        using var police = Police("pc-outbox");
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        var referral = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow().AddHours(-3)));

        var recorded = (await police.RecordPoliceOutcomeAsync(person, Outcome("NoCharge", "2026-11-18", referral.Id, @case.Id,
            crimeReference: "14/55555/26", note: "Suspect named by the victim; not charged on CPS advice."))).Outcome;

        var message = Assert.Single(await fixture.OutboxAsync<PoliceOutcomeRecorded>(m => m.YoungPersonId == person));
        Assert.Equal((recorded.Id, (Guid?)referral.Id, (Guid?)@case.Id), (message.PoliceOutcomeId, message.ReferralId, message.CaseId));
        Assert.Equal((PoliceOutcomeKind.NoCharge, new DateOnly(2026, 11, 18), (Guid?)null), (message.Outcome, message.OutcomeOn, message.Corrects));
        Assert.Equal(("pc-outbox", Roles.PoliceLiaison, recorded.RecordedAt.Utc), (message.RecordedBy, message.RecordedByRole, message.OccurredAt));
        await using var db = fixture.CreateDbContext();
        var urn = MessageTypeRegistry.UrnOf(typeof(PoliceOutcomeRecorded));
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == urn).Select(m => m.Payload).ToListAsync();
        var payload = Assert.Single(payloads, p => p.Contains(recorded.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("14/55555/26", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("Suspect", payload, StringComparison.Ordinal);
    }
}
