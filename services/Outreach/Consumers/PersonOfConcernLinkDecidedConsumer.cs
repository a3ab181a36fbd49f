using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Consumers;

/// <summary>
/// INT-02, item 4 of the Outreach issue: Referrals confirmed or rejected a link an outreach item proposed, and the
/// worker sees it on the item (the mention's <c>link</c>). A confirmation is also the item's
/// <c>LinkedToPersonOfConcern</c> disposition (OUT-03), recorded in its history under the confirmer's name. Decisions on
/// links proposed by other services, or on proposals we never made, are ignored.
/// </summary>
[InboxName("information.person-of-concern-link-decided")]
public sealed partial class PersonOfConcernLinkDecidedConsumer(OutreachDbContext db, TimeProvider clock, ILogger<PersonOfConcernLinkDecidedConsumer> logger)
    : IdempotentConsumer<PersonOfConcernLinkDecided, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PersonOfConcernLinkDecided> context)
    {
        var m = context.Message;
        var cancellationToken = context.CancellationToken;
        if (m.Source != "outreach")
        {
            return;
        }
        var proposal = await Db.MentionLinkProposals.AsNoTracking().SingleOrDefaultAsync(p => p.MentionId == m.ProposalId, cancellationToken);
        if (proposal is null || await Db.MentionLinkOutcomes.AnyAsync(o => o.MentionId == m.ProposalId, cancellationToken))
        {
            LogIgnored(logger, m.ProposalId);
            return;
        }
        var now = Clock.GetUtcNow();
        Db.MentionLinkOutcomes.Add(MentionLinkOutcome.From(m, now));
        if (m.Confirmed)
        {
            var item = await Db.InformationItems.AsNoTracking().SingleAsync(i => i.Id == proposal.ItemId, cancellationToken);
            var confirmer = new Author(Limit(m.DecidedBy, 200), Limit(m.DecidedByRole, 100), now);
            Db.InformationItemEvents.Add(InformationItemEvent.Record(item, InformationEventKind.LinkedToPersonOfConcern,
                reason: null, reference: $"referrals link proposal {m.ProposalId}", confirmer));
        }
        LogDecided(logger, m.ProposalId, m.Confirmed, m.LinkedYoungPeople);
    }

    private static string Limit(string value, int length) => value.Length > length ? value[..length] : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Link decision on {ProposalId} is not for a proposal of ours still open; ignored")]
    private static partial void LogIgnored(ILogger logger, Guid proposalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link proposal {ProposalId} decided (confirmed: {Confirmed}, young people linked: {LinkedYoungPeople})")]
    private static partial void LogDecided(ILogger logger, Guid proposalId, bool confirmed, int linkedYoungPeople);
}
