using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// Issue 16 item 4, REC-10: the young person's request for their record, its deadline, any extension and the answer are
// part of their story, so a request that was never answered cannot be hidden. Dates and ids only.

[InboxName("chronology.subject-access-request-received")]
public sealed class SubjectAccessRequestReceivedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SubjectAccessRequestReceivedChronologyConsumer> logger)
    : ChronologyConsumer<SubjectAccessRequestReceived>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SubjectAccessRequestReceived m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.SubjectAccessRequestReceived,
            $"Request for their record ({m.Requester}) received {m.ReceivedOn:yyyy-MM-dd}; the answer is due by {m.DueOn:yyyy-MM-dd} (request {m.RequestId}).",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.RequestId),
    ];
}

[InboxName("chronology.subject-access-request-extended")]
public sealed class SubjectAccessRequestExtendedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SubjectAccessRequestExtendedChronologyConsumer> logger)
    : ChronologyConsumer<SubjectAccessRequestExtended>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SubjectAccessRequestExtended m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.SubjectAccessRequestExtended,
            $"The answer to their request for their record was extended to {m.DueOn:yyyy-MM-dd}, with a recorded reason (request {m.RequestId}).",
            new ChronologyAuthor(m.ExtendedBy, null), m.RequestId),
    ];
}

[InboxName("chronology.subject-access-request-answered")]
public sealed class SubjectAccessRequestAnsweredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SubjectAccessRequestAnsweredChronologyConsumer> logger)
    : ChronologyConsumer<SubjectAccessRequestAnswered>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SubjectAccessRequestAnswered m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.SubjectAccessRequestAnswered,
            $"Their record was given to them (pack {m.PackId}, {m.Redactions} redactions){(m.Late ? ", after the due date" : "")} (request {m.RequestId}).",
            new ChronologyAuthor(m.AnsweredBy, null), m.RequestId),
    ];
}

public sealed class SubjectAccessRequestReceivedChronologyConsumerDefinition : ChronologyEndpointDefinition<SubjectAccessRequestReceivedChronologyConsumer>;
public sealed class SubjectAccessRequestExtendedChronologyConsumerDefinition : ChronologyEndpointDefinition<SubjectAccessRequestExtendedChronologyConsumer>;
public sealed class SubjectAccessRequestAnsweredChronologyConsumerDefinition : ChronologyEndpointDefinition<SubjectAccessRequestAnsweredChronologyConsumer>;
