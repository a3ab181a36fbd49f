using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Referrals.Domain.Chronology;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>REF-09, REC-03: a recorded police outcome reaches the young person's chronology once, however often it is delivered.</summary>
public sealed class PoliceOutcomeChronologyTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task A_recorded_police_outcome_becomes_one_entry_signed_by_its_recorder_and_a_redelivery_adds_nothing()
    {
        var harness = await fixture.StartedHarnessAsync();
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-chronology");
        var person = (await police.RegisterAsync()).Id;
        var recorded = (await police.RecordPoliceOutcomeAsync(person)).Outcome;
        // What the outbox holds, delivered twice with one MessageId as a relay crash would (the fixture's relay is off).
        var message = Assert.Single(await fixture.OutboxAsync<PoliceOutcomeRecorded>(m => m.YoungPersonId == person));
        var messageId = Guid.NewGuid();

        await harness.Bus.PublishAsync(message, messageId);
        await harness.Bus.PublishAsync(message, messageId);
        await fixture.WaitForChronologyEntriesAsync(person, 1);
        // The harness lists a message id once however often it was consumed; wait until nothing is in flight, so the
        // second delivery has been through the consumer too.
        await harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await harness.Consumed.Any<PoliceOutcomeRecorded>(c => c.Context.MessageId == messageId));
        Assert.False(await harness.Published.Any<MassTransit.Fault<PoliceOutcomeRecorded>>());
        var entry = Assert.Single(await fixture.ChronologyEntriesAsync(person));
        Assert.Equal(ChronologyEntryKind.PoliceOutcomeRecorded, entry.Kind);
        Assert.Equal(("pc-chronology", Roles.PoliceLiaison), (entry.AuthorId, entry.AuthorRole));
        Assert.Equal((recorded.Id, messageId), (entry.SourceRecordId, entry.SourceMessageId));
        Assert.Equal(recorded.RecordedAt.Utc, entry.OccurredAt);
        Assert.Contains("NoFurtherAction on 2026-11-20", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("does not close the case or lower the risk level", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("14/98765/26", entry.Summary, StringComparison.Ordinal);
        Assert.Null(entry.Corrects);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task A_corrections_entry_points_at_the_entry_of_the_record_it_corrects()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var original = new PoliceOutcomeRecorded
        {
            PoliceOutcomeId = Guid.NewGuid(), YoungPersonId = person, CaseId = Guid.NewGuid(), Outcome = PoliceOutcomeKind.NoFurtherAction,
            OutcomeOn = new DateOnly(2026, 11, 20), RecordedBy = "pc-9", RecordedByRole = Roles.PoliceLiaison, OccurredAt = at,
        };
        await harness.Bus.PublishAsync(original, Guid.NewGuid());
        await fixture.WaitForChronologyEntriesAsync(person, 1);

        await harness.Bus.PublishAsync(original with
        {
            PoliceOutcomeId = Guid.NewGuid(), Outcome = PoliceOutcomeKind.InsufficientEvidence, Corrects = original.PoliceOutcomeId, OccurredAt = at.AddHours(1),
        }, Guid.NewGuid());

        var entries = await fixture.WaitForChronologyEntriesAsync(person, 2);
        Assert.Equal(entries[0].Id, entries[1].Corrects);
        Assert.Equal(original.PoliceOutcomeId, entries[0].SourceRecordId);
        Assert.Contains("corrected", entries[1].Summary, StringComparison.Ordinal);
        Assert.Contains("InsufficientEvidence", entries[1].Summary, StringComparison.Ordinal);
    }
}
