using System.Net.Http.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Cases;
using Support.Contracts.Missing;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Features.Chronology;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REC-02, MIS-07, REF-12: the chronology projection over the in-memory harness. Every event about a young person
/// becomes one dated, signed entry, a redelivery adds nothing, and concurrent events keep one unbroken chain.
/// </summary>
public sealed class ChronologyConsumerTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static MissingEpisodeReported Reported(Guid person, DateTimeOffset at) => new()
    {
        EpisodeId = Guid.NewGuid(), YoungPersonId = person, MissingFrom = MissingFrom.Care, LastSeenAt = at.AddHours(-3), ReportedAt = at,
        OccurredAt = at,
    };

    [Fact]
    public async Task A_missing_episode_becomes_one_entry_signed_by_the_missing_service_with_its_message_and_record_ids()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var reported = Reported(person, Monday);
        var messageId = Guid.NewGuid();

        await harness.Bus.PublishAsync(reported, messageId);

        var entry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(person, 1));
        Assert.Equal(ChronologyEntryKind.MissingEpisodeReported, entry.Kind);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(Monday, entry.OccurredAt);
        Assert.Equal(ReferralsFixture.Now, entry.RecordedAt);
        Assert.Equal("missing", entry.SourceService);
        Assert.Equal("service:missing", entry.AuthorId);
        Assert.Equal(messageId, entry.SourceMessageId);
        Assert.Equal(reported.EpisodeId, entry.SourceRecordId);
        Assert.Contains("Care", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(reported.EpisodeId.ToString(), entry.Summary, StringComparison.Ordinal);
        Assert.Equal(ChronologyEntry.ChainStart, entry.PreviousHash);
        Assert.Equal(entry.ComputeHash(), entry.Hash);
    }

    [Fact]
    public async Task An_escalated_referral_is_written_down_as_gone_to_a_senior_manager_with_its_deadline()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var escalated = new ReferralDecisionEscalated
        {
            ReferralId = Guid.NewGuid(), YoungPersonId = person, DecisionDueAt = Monday, EscalatesAt = Monday.AddDays(1),
            OccurredAt = Monday.AddDays(1).AddMinutes(1),
        };

        await harness.Bus.PublishAsync(escalated, Guid.NewGuid());

        var entry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(person, 1));
        Assert.Equal((ChronologyEntryKind.ReferralDecisionEscalated, escalated.ReferralId, "service:referrals"),
            (entry.Kind, entry.SourceRecordId, entry.AuthorId));
        Assert.Contains("senior manager", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(escalated.ReferralId.ToString(), entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_s47_deadline_and_an_overdue_strategy_action_are_each_written_down_against_their_record()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var stage = new S47StageOverdue
        {
            PathwayId = Guid.NewGuid(), YoungPersonId = person, Stage = S47Stage.ReasonableCause, DueAt = Monday, VeryHigh = true,
            OutOfHours = true, OnCallManager = "oncall-dana", OccurredAt = Monday.AddMinutes(1),
        };
        var action = new StrategyActionOverdue
        {
            ActionId = Guid.NewGuid(), MeetingId = Guid.NewGuid(), YoungPersonId = person, DueAt = Monday, OccurredAt = Monday.AddMinutes(2),
        };

        await harness.Bus.PublishAsync(stage, Guid.NewGuid());
        await harness.Bus.PublishAsync(action, Guid.NewGuid());

        var entries = (await fixture.WaitForChronologyEntriesAsync(person, 2)).OrderBy(e => e.OccurredAt).ToList();
        Assert.Equal(
            [(ChronologyEntryKind.S47StageOverdue, (Guid?)stage.PathwayId), (ChronologyEntryKind.StrategyActionOverdue, action.ActionId)],
            entries.Select(e => (e.Kind, e.SourceRecordId)));
        Assert.Contains("VeryHigh", entries[0].Summary, StringComparison.Ordinal);
        Assert.Contains("routed to on-call manager oncall-dana", entries[0].Summary, StringComparison.Ordinal);
        Assert.Contains(action.MeetingId.ToString(), entries[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_events_about_one_young_person_leave_an_unbroken_chain()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var events = new List<object>();
        for (var i = 0; i < 6; i++)
        {
            var at = Monday.AddHours(i);
            events.Add(Reported(person, at));
            events.Add(new RiskReviewOverdue { ReviewId = Guid.NewGuid(), YoungPersonId = person, DueAt = at, OccurredAt = at });
            events.Add(new CaseClosed { CaseId = Guid.NewGuid(), YoungPersonId = person, ApprovedBy = "tm-1", OccurredAt = at });
            events.Add(new ReferralDecisionOverdue { ReferralId = Guid.NewGuid(), YoungPersonId = person, DecisionDueAt = at, OccurredAt = at });
        }

        await Task.WhenAll(events.Select(e => harness.Bus.Publish(e, e.GetType(), c => c.MessageId = Guid.NewGuid())));

        var entries = await fixture.WaitForChronologyEntriesAsync(person, events.Count);
        Assert.Equal(Enumerable.Range(1, events.Count), entries.Select(e => e.Sequence));
        await using var db = fixture.CreateDbContext();
        var head = await db.ChronologyHeads.SingleAsync(h => h.YoungPersonId == person);
        Assert.True(ChronologyVerification.Check(entries, head).Intact);
    }

    [Fact]
    public async Task Appends_racing_in_separate_transactions_take_turns_on_the_chain_head()
    {
        var person = Guid.NewGuid();
        const int writers = 12;
        using var start = new ManualResetEventSlim(false);

        var tasks = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var db = fixture.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            start.Wait();
            await ChronologyAppender.AppendAsync(db, fixture.Clock,
                [new ChronologyDraft(person, Monday.AddMinutes(i), "test", ChronologyEntryKind.CaseNote, $"Note {i}.", new ChronologyAuthor("sw", Roles.SocialWorker), null)],
                Guid.NewGuid(), CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        var entries = await fixture.ChronologyEntriesAsync(person);
        Assert.Equal(Enumerable.Range(1, writers), entries.Select(e => e.Sequence));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task A_strategy_meeting_writes_each_childs_own_decisions_and_actions_into_that_childs_chronology()
    {
        var harness = await fixture.StartedHarnessAsync();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var action = new StrategyMeetingAction { ActionId = Guid.NewGuid(), Description = "Visit school", Owner = "sw-7", DueAt = Monday.AddDays(2) };
        var meeting = new StrategyMeetingFinalised
        {
            MeetingId = Guid.NewGuid(), HeldAt = Monday, ChairId = "sm-1", ChairGrade = "SeniorManager", OrganisedOrMultipleAbuse = true,
            Children =
            [
                new StrategyMeetingChild { YoungPersonId = first, Decisions = ["s47 enquiry to proceed"], Actions = [action] },
                new StrategyMeetingChild { YoungPersonId = second, Decisions = ["Refer to CAMHS"], Actions = [] },
            ],
            RecordedBy = "minute-taker", OccurredAt = Monday.AddHours(2),
        };

        await harness.Bus.PublishAsync(meeting, Guid.NewGuid());

        var firstEntry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(first, 1));
        var secondEntry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(second, 1));
        Assert.Equal(ChronologyEntryKind.StrategyMeetingFinalised, firstEntry.Kind);
        Assert.Equal(meeting.MeetingId, firstEntry.SourceRecordId);
        Assert.Equal("minute-taker", firstEntry.AuthorId);
        Assert.Contains("s47 enquiry to proceed", firstEntry.Detail, StringComparison.Ordinal);
        Assert.Contains("Visit school", firstEntry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("CAMHS", firstEntry.Detail, StringComparison.Ordinal);
        Assert.Contains("Refer to CAMHS", secondEntry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Visit school", secondEntry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(first.ToString(), secondEntry.Summary + secondEntry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missed_deadlines_closures_and_reclassifications_are_entries_of_their_own_with_the_signer_the_event_names()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var referral = Guid.NewGuid();

        await harness.Bus.PublishAsync(new ReferralReclassified
        {
            ReferralId = referral, YoungPersonId = person, FromCseType = CseType.StreetGrooming, ToCseType = CseType.NotCse,
            FromPriority = ReferralPriority.Urgent, ToPriority = ReferralPriority.Standard, OriginalReferrer = "pc-1",
            OriginalReferrerRole = ReferrerRole.Police, RequestedBy = "sw-2", ApprovedBy = "tm-3", OccurredAt = Monday,
        }, Guid.NewGuid());
        await harness.Bus.PublishAsync(new RiskLevelChanged
        {
            YoungPersonId = person, SourceId = Guid.NewGuid(), PreviousLevel = RiskLevel.High, NewLevel = RiskLevel.Medium,
            SuggestedLevel = RiskLevel.Medium, Indicators = [RiskIndicator.SchoolAbsence], RuleTableVersion = "2026.1", IsDowngrade = true,
            ApprovedBy = "tm-3", RecordedBy = "sw-2", RecordedByRole = Roles.SocialWorker, OccurredAt = Monday.AddHours(1),
        }, Guid.NewGuid());
        await harness.Bus.PublishAsync(new CaseClosed { CaseId = Guid.NewGuid(), YoungPersonId = person, ApprovedBy = "tm-3", OccurredAt = Monday.AddHours(2) }, Guid.NewGuid());

        var entries = await fixture.WaitForChronologyEntriesAsync(person, 3);
        var reclassified = entries.Single(e => e.Kind == ChronologyEntryKind.ReferralReclassified);
        Assert.Contains("StreetGrooming", reclassified.Summary, StringComparison.Ordinal);
        Assert.Contains("NotCse", reclassified.Summary, StringComparison.Ordinal);
        Assert.Equal("tm-3", reclassified.AuthorId);
        var level = entries.Single(e => e.Kind == ChronologyEntryKind.RiskLevelChanged);
        Assert.Equal(("sw-2", Roles.SocialWorker), (level.AuthorId, level.AuthorRole));
        Assert.Contains("lowered from High to Medium", level.Summary, StringComparison.Ordinal);
        Assert.Equal("tm-3", entries.Single(e => e.Kind == ChronologyEntryKind.CaseClosed).AuthorId);
    }

    [Fact]
    public async Task A_registry_correction_is_an_entry_pointing_at_the_entry_for_the_version_it_replaces_and_linked_back_from_it()
    {
        var harness = await fixture.StartedHarnessAsync();
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync();
        foreach (var dateOfBirth in new[] { "2010-05-15", "2010-05-16" })
        {
            using var corrected = await client.PostAsJsonAsync($"/api/referrals/young-people/{person.Id}/corrections",
                new { details = YoungPersonRequests.Valid("Kayleigh", "Marsh", dateOfBirth), reason = "Date of birth mistyped" });
            Assert.Equal(System.Net.HttpStatusCode.Created, corrected.StatusCode);
        }
        var history = (await client.GetFromJsonAsync<YoungPersonResponse>($"/api/referrals/young-people/{person.Id}", YoungPersonRequests.Json))!.History;

        // What the registry's outbox holds, delivered in order (the fixture's relay does not run on its fake clock).
        await harness.Bus.PublishAsync(new YoungPersonRegistered
        {
            YoungPersonId = person.Id, DateOfBirth = history[0].DateOfBirth, DisplayName = "Kay Marsh", OccurredAt = Monday,
        }, Guid.NewGuid());
        await fixture.WaitForChronologyEntriesAsync(person.Id, 1);
        foreach (var version in history.Skip(1))
        {
            await harness.Bus.PublishAsync(new YoungPersonDetailsCorrected
            {
                YoungPersonId = person.Id, CorrectionId = version.EntryId, Version = version.Version, DateOfBirth = version.DateOfBirth,
                DisplayName = "Kay Marsh", OccurredAt = Monday.AddHours(version.Version),
            }, Guid.NewGuid());
            await fixture.WaitForChronologyEntriesAsync(person.Id, version.Version);
        }

        var entries = await fixture.ChronologyEntriesAsync(person.Id);
        Assert.Equal(
            [ChronologyEntryKind.YoungPersonRegistered, ChronologyEntryKind.YoungPersonDetailsCorrected, ChronologyEntryKind.YoungPersonDetailsCorrected],
            entries.Select(e => e.Kind));
        Assert.Null(entries[0].Corrects);
        Assert.Equal(entries[0].Id, entries[1].Corrects);
        Assert.Equal(entries[1].Id, entries[2].Corrects);
        Assert.All(entries, e => Assert.DoesNotContain("Kay", e.Summary, StringComparison.Ordinal));
        var chronology = await client.ChronologyAsync(person.Id);
        Assert.Equal([entries[1].Id], chronology.Entries.Single(e => e.Id == entries[0].Id).CorrectedBy);
        Assert.Equal([entries[2].Id], chronology.Entries.Single(e => e.Id == entries[1].Id).CorrectedBy);
    }
}
