using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// REC-11, REC-03: who outside the case team was given sight of the record, and when it stopped, is itself on the
/// young person's chronology, signed by whoever decided it. The reason stays in the relationship's row.
/// </summary>
[InboxName("chronology.sharing-relationship-recorded")]
public sealed class SharingRelationshipRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SharingRelationshipRecordedChronologyConsumer> logger)
    : ChronologyConsumer<SharingRelationshipRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SharingRelationshipRecorded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.SharingRelationshipRecorded,
            $"Information sharing: {m.Kind} relationship {m.RelationshipId} gives partner {m.UserId} sight of this record from {At(m.ValidFrom)}"
                + (m.ValidUntil is { } until ? $" until {At(until)}." : "."),
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.RelationshipId),
    ];
}

[InboxName("chronology.sharing-relationship-ended")]
public sealed class SharingRelationshipEndedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SharingRelationshipEndedChronologyConsumer> logger)
    : ChronologyConsumer<SharingRelationshipEnded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SharingRelationshipEnded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.SharingRelationshipEnded,
            $"Information sharing: relationship {m.RelationshipId} ended at {At(m.EndedAt)}.",
            new ChronologyAuthor(m.EndedBy, m.EndedByRole), m.RelationshipId),
    ];
}
