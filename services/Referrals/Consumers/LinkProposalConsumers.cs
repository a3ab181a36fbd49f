using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Contracts.SupportLine;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;

namespace Support.Referrals.Consumers;

/// <summary>
/// INT-01, INT-02: a person, nickname, vehicle, phone or address an outreach worker recorded about a young person
/// becomes a proposed link, waiting for a person to confirm it (Features/LinkProposals). One proposal per
/// <see cref="ProposePersonOfConcernLink.ProposalId"/>, however often it arrives. Values never reach the log.
/// </summary>
[InboxName("link-proposals.propose-from-outreach")]
public sealed partial class ProposePersonOfConcernLinkConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ProposePersonOfConcernLinkConsumer> logger)
    : IdempotentConsumer<ProposePersonOfConcernLink, ReferralsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ProposePersonOfConcernLink> context)
    {
        var m = context.Message;
        if (!Enum.TryParse<LinkKind>(m.LinkKind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            LogUnknownKind(logger, m.ProposalId);
            return;
        }
        var written = m.Value.Trim();
        if (LinkValues.Normalise(kind, written).Length == 0
            || await Db.Set<LinkProposal>().AnyAsync(p => p.Id == m.ProposalId, context.CancellationToken))
        {
            return;
        }
        Db.Add(LinkProposal.Receive(m.ProposalId, m.YoungPersonId, kind, Truncate(written, 500), null, Truncate(m.Source, 32), m.SourceReference,
            m.OccurredAt, Truncate(m.ProposedBy, 200), Truncate(m.ProposedByRole, 100), Clock.GetUtcNow()));
        LogProposed(logger, m.ProposalId, kind);
    }

    internal static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link proposal {ProposalId} names a kind of link the register does not hold; ignored")]
    private static partial void LogUnknownKind(ILogger logger, Guid proposalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link proposal {ProposalId} ({Kind}) waiting for confirmation")]
    private static partial void LogProposed(ILogger logger, Guid proposalId, LinkKind kind);
}

/// <summary>
/// SL-04: a number a texter reported as a perpetrator's is intelligence: it becomes a proposed phone link (the report
/// id is the proposal id), never a contact number. Reported before the conversation was linked to a young person, it
/// waits without one and the confirmer names the young person.
/// </summary>
[InboxName("link-proposals.propose-from-supportline-number")]
public sealed partial class PersonOfConcernNumberLinkProposalConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PersonOfConcernNumberLinkProposalConsumer> logger)
    : IdempotentConsumer<PersonOfConcernNumberReported, ReferralsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PersonOfConcernNumberReported> context)
    {
        var m = context.Message;
        if (LinkValues.Normalise(LinkKind.Phone, m.Phone).Length == 0
            || await Db.Set<LinkProposal>().AnyAsync(p => p.Id == m.ReportId, context.CancellationToken))
        {
            return;
        }
        Db.Add(LinkProposal.Receive(m.ReportId, m.YoungPersonId, LinkKind.Phone, ProposePersonOfConcernLinkConsumer.Truncate(m.Phone.Trim(), 500),
            ProposePersonOfConcernLinkConsumer.Truncate(m.Description.Trim(), 2000), LinkProposal.FromSupportLine, m.ReportId, m.OccurredAt,
            ProposePersonOfConcernLinkConsumer.Truncate(m.ReportedBy, 200), "SupportLineOperator", Clock.GetUtcNow()));
        LogProposed(logger, m.ReportId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported number {ReportId} waiting for confirmation as a person-of-concern link")]
    private static partial void LogProposed(ILogger logger, Guid reportId);
}
