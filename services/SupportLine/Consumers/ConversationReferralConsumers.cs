using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Consumers;

/// <summary>
/// SL-09: a referral made from one of the line's conversations (a parent or carer's report) is shown on that
/// conversation. Every other referral carries no conversation and is passed over.
/// </summary>
[InboxName("conversations.referral-received")]
public sealed partial class ConversationReferralReceivedConsumer(SupportLineDbContext db, TimeProvider clock, ILogger<ConversationReferralReceivedConsumer> logger)
    : IdempotentConsumer<ReferralReceived, SupportLineDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralReceived> context)
    {
        if (context.Message.SupportLineConversationId is not { } conversationId)
        {
            return;
        }
        if (!await Db.Conversations.AnyAsync(c => c.Id == conversationId, context.CancellationToken))
        {
            // The referral stands in Referrals either way; the id a client sent named no conversation of the line.
            LogUnknownConversation(logger, context.Message.ReferralId);
            return;
        }
        if (!await Db.ConversationReferrals.AnyAsync(r => r.ReferralId == context.Message.ReferralId, context.CancellationToken))
        {
            Db.ConversationReferrals.Add(ConversationReferral.From(context.Message, conversationId));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId} names a support-line conversation this service does not hold; not shown on any conversation")]
    private static partial void LogUnknownConversation(ILogger logger, Guid referralId);
}

/// <summary>SL-09: the front door's decision on a referral made from a conversation, shown on that conversation.</summary>
[InboxName("conversations.referral-decided")]
public sealed class ConversationReferralDecidedConsumer(SupportLineDbContext db, TimeProvider clock, ILogger<ConversationReferralDecidedConsumer> logger)
    : IdempotentConsumer<ReferralDecided, SupportLineDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralDecided> context)
    {
        var referral = await Db.ConversationReferrals.SingleOrDefaultAsync(r => r.ReferralId == context.Message.ReferralId, context.CancellationToken);
        referral?.Decided(context.Message);
    }
}
