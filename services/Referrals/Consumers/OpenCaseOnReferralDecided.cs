using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Consumers;

/// <summary>
/// A front-door decision to open a CSE case, start an s47 enquiry or assess a child in need opens a case, with the lead
/// team and criterion that the versioned allocation criteria give for that outcome (REF-06). Exactly once per referral:
/// the inbox absorbs a redelivery, the referral check absorbs the same decision sent again, and the unique index on the
/// referral turns a concurrent twin into a retry that then finds the first case. A young person who already has an open
/// case keeps it (at most one open case each); the decision is left to that case's team.
/// </summary>
[InboxName("cases.open-on-referral-decided")]
public sealed partial class OpenCaseOnReferralDecided(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<OpenCaseOnReferralDecided> logger)
    : IdempotentConsumer<ReferralDecided, ReferralsDbContext>(db, clock, logger)
{
    public const string SystemAuthor = "system:referral-decision";

    protected override async Task HandleAsync(ConsumeContext<ReferralDecided> context)
    {
        var message = context.Message;
        if (AllocationCriteria.ForOutcome(message.Outcome) is not { } criterion)
        {
            return;
        }
        var cancellationToken = context.CancellationToken;
        if (await Db.Set<Case>().AnyAsync(c => c.ReferralId == message.ReferralId, cancellationToken))
        {
            return;
        }
        if (await Db.OpenCaseOfAsync(message.YoungPersonId, cancellationToken) is { } open)
        {
            LogAlreadyOpen(logger, message.ReferralId, open.Id);
            return;
        }
        CaseOpening.Open(Db, outbox, message.YoungPersonId, message.ReferralId, criterion.LeadTeam, criterion, AllocationCriteria.Current,
            message.OccurredAt, Author.Service(SystemAuthor, Clock.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} decided for a young person whose case {CaseId} is already open; no second case")]
    private static partial void LogAlreadyOpen(ILogger logger, Guid referralId, Guid caseId);
}
