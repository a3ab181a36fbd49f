using Support.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.young-person-registered")]
public sealed class YoungPersonRegisteredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<YoungPersonRegisteredChronologyConsumer> logger)
    : ChronologyConsumer<YoungPersonRegistered>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(YoungPersonRegistered m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.YoungPersonRegistered,
            $"Registered in the young-person registry (young person {m.YoungPersonId}).", ChronologyAuthor.Service(ReferralsService), m.YoungPersonId),
    ];
}

/// <summary>
/// A registry correction is a correction entry pointing at the entry for the version it replaces (REC-05): the
/// registration for version 2, the previous correction after that. Names stay out: only the version and the ids.
/// </summary>
[InboxName("chronology.young-person-details-corrected")]
public sealed class YoungPersonDetailsCorrectedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedChronologyConsumer> logger)
    : ChronologyConsumer<YoungPersonDetailsCorrected>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<ChronologyDraft>> ProjectAsync(YoungPersonDetailsCorrected m, CancellationToken cancellationToken)
    {
        // The registry lives in this service, so the replaced version's id is known even though the event omits it.
        var replacedId = await Db.YoungPersonDetails
            .Where(d => d.YoungPersonId == m.YoungPersonId && d.Version == m.Version - 1 && d.Version > 1)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var replacedRecord = replacedId ?? m.YoungPersonId;
        var registryKinds = new[] { ChronologyEntryKind.YoungPersonRegistered, ChronologyEntryKind.YoungPersonDetailsCorrected };
        var corrects = await Db.ChronologyEntries
            .Where(e => e.YoungPersonId == m.YoungPersonId && registryKinds.Contains(e.Kind) && e.SourceRecordId == replacedRecord)
            .OrderByDescending(e => e.Sequence)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken)
            // Out of order or an unknown version: point at the latest registry entry there is, if any.
            ?? await Db.ChronologyEntries
                .Where(e => e.YoungPersonId == m.YoungPersonId && registryKinds.Contains(e.Kind))
                .OrderByDescending(e => e.Sequence)
                .Select(e => (Guid?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
        return
        [
            new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.YoungPersonDetailsCorrected,
                $"Registered details corrected: now version {m.Version} (correction {m.CorrectionId}).",
                ChronologyAuthor.Service(ReferralsService), m.CorrectionId, Corrects: corrects),
        ];
    }
}
