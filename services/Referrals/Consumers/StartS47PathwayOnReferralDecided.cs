using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Features.S47Pathways;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Consumers;

/// <summary>
/// REF-10: a front-door decision of <c>S47Enquiry</c> (reasonable cause to suspect significant harm) starts the s47
/// pathway, so nobody has to remember to. Exactly once per referral: a redelivery is absorbed by the inbox, the same
/// decision sent again as a new message by the referral check, and a concurrent twin by the unique index on the
/// referral (it fails, is retried and then finds the first pathway). The strategy-discussion clock runs from the
/// decision itself, not from when the message arrived.
/// </summary>
[InboxName("s47.start-pathway-on-referral-decided")]
public sealed class StartS47PathwayOnReferralDecided(
    ReferralsDbContext db, TimeProvider clock, ILogger<StartS47PathwayOnReferralDecided> logger, IOutbox outbox, IOptions<S47Options> options)
    : IdempotentConsumer<ReferralDecided, ReferralsDbContext>(db, clock, logger)
{
    /// <summary>Recorded as the author of pathways this consumer starts (REC-01).</summary>
    public const string Recorder = "system:referral-decided";

    protected override async Task HandleAsync(ConsumeContext<ReferralDecided> context)
    {
        var decision = context.Message;
        if (decision.Outcome != ReferralOutcome.S47Enquiry)
        {
            return;
        }
        if (await Db.S47Pathways.AnyAsync(p => p.ReferralId == decision.ReferralId, context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        // Another service's clock may run a little ahead of ours; a decision ahead of now is read as now.
        var decidedAt = decision.OccurredAt > now ? now : decision.OccurredAt;
        await S47PathwayStarting.StartAsync(Db, outbox, options.Value, decision.YoungPersonId, decision.ReferralId, decidedAt,
            Author.Service(Recorder, now), context.CancellationToken);
    }
}
