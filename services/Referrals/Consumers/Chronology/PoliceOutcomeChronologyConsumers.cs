using Support.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// REF-09, REC-03: a police outcome is an entry of its own, signed by whoever recorded it, and says that it is not a
/// social-care decision. A correction points at the entry for the record it replaces (REC-05), when that entry is
/// already on the chain. Ids and codes only: the crime reference and note are not in the event.
/// </summary>
[InboxName("chronology.police-outcome-recorded")]
public sealed class PoliceOutcomeRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PoliceOutcomeRecordedChronologyConsumer> logger)
    : ChronologyConsumer<PoliceOutcomeRecorded>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<ChronologyDraft>> ProjectAsync(PoliceOutcomeRecorded m, CancellationToken cancellationToken)
    {
        Guid? corrects = null;
        if (m.Corrects is { } replaced)
        {
            corrects = await Db.ChronologyEntries
                .Where(e => e.YoungPersonId == m.YoungPersonId && e.Kind == ChronologyEntryKind.PoliceOutcomeRecorded && e.SourceRecordId == replaced)
                .OrderByDescending(e => e.Sequence)
                .Select(e => (Guid?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }
        var about = (m.ReferralId, m.CaseId) switch
        {
            ({ } referral, { } @case) => $" about referral {referral} and case {@case}",
            ({ } referral, null) => $" about referral {referral}",
            (null, { } @case) => $" about case {@case}",
            _ => "",
        };
        var what = m.Corrects is { } original
            ? $"Police outcome corrected (record {m.PoliceOutcomeId}, replacing {original}): {m.Outcome} on {Date(m.OutcomeOn)}{about}."
            : $"Police outcome recorded (record {m.PoliceOutcomeId}): {m.Outcome} on {Date(m.OutcomeOn)}{about}.";
        return
        [
            new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.PoliceOutcomeRecorded,
                what + " Not a social-care decision: it does not close the case or lower the risk level (REF-09).",
                new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.PoliceOutcomeId, Corrects: corrects),
        ];
    }
}
