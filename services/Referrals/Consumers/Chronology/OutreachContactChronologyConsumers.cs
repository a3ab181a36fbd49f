using Support.Contracts.Outreach;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// OUT-01, OUT-02: a street contact lands in the young person's single chronology, dated when it happened (not when
// the worker got round to typing it), and marked when it was recorded late. Codes and ids only: the worker's notes
// and the place stay in the Outreach service.

[InboxName("chronology.outreach-contact-recorded")]
public sealed class OutreachContactRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<OutreachContactRecordedChronologyConsumer> logger)
    : ChronologyConsumer<OutreachContactRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(OutreachContactRecorded m) =>
    [
        new(m.YoungPersonId, m.ContactedAt, OutreachService, ChronologyEntryKind.OutreachContactRecorded,
            $"Outreach contact {m.ContactId} ({m.Channel}) at {At(m.ContactedAt)}"
            + $"{(m.Concern is { } concern ? $", worker's concern {concern}" : "")}"
            + $"{(m.RecordedLate ? $", recorded late at {At(m.RecordedAt)}" : "")}"
            + $"{(m.AliasId is { } alias ? $", first recorded under alias {alias}" : "")}"
            + $"{(m.Corrects is { } corrected ? $", correcting contact {corrected}" : "")}.",
            new ChronologyAuthor(m.RecordedBy, "OutreachWorker"), m.ContactId),
    ];
}

[InboxName("chronology.outreach-alias-matched")]
public sealed class OutreachAliasMatchedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<OutreachAliasMatchedChronologyConsumer> logger)
    : ChronologyConsumer<OutreachAliasMatched>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(OutreachAliasMatched m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, OutreachService, ChronologyEntryKind.OutreachAliasMatched,
            $"Outreach alias {m.AliasId} confirmed as this young person; its {m.ContactCount} contact(s) now appear here.",
            new ChronologyAuthor(m.MatchedBy, null), m.AliasId),
    ];
}

public sealed class OutreachContactRecordedChronologyConsumerDefinition : ChronologyEndpointDefinition<OutreachContactRecordedChronologyConsumer>;
public sealed class OutreachAliasMatchedChronologyConsumerDefinition : ChronologyEndpointDefinition<OutreachAliasMatchedChronologyConsumer>;
