using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// REF-19: the tagged child's chronology says that information about them is held on another record and where; what it
/// says is read through the cross-reference, under the source record's access.
/// </summary>
[InboxName("chronology.cross-reference-recorded")]
public sealed class CrossReferenceRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CrossReferenceRecordedChronologyConsumer> logger)
    : ChronologyConsumer<CrossReferenceRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CrossReferenceRecorded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CrossReferenceRecorded,
            $"Information about this young person is held on another young person's record ({m.SourceKind}, young person {m.SourceYoungPersonId}): "
            + $"see cross-reference {m.CrossReferenceId}"
            + (m.KeyWorkers.Count > 0 ? $"; key worker {string.Join(", ", m.KeyWorkers)} told." : "; no key worker to tell."),
            new ChronologyAuthor(m.RecordedBy, null), m.CrossReferenceId),
    ];
}
