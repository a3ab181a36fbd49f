using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;

namespace Support.Outreach.Consumers;

/// <summary>
/// OUT-06: the no-contact alert applies to young people rated <c>High</c> or above, so Outreach keeps each young
/// person's level as Referrals announces it. A late, older announcement never replaces a newer one.
/// </summary>
[InboxName("involvements.risk-level-changed")]
public sealed class RiskLevelProjectionConsumer(OutreachDbContext db, TimeProvider clock, ILogger<RiskLevelProjectionConsumer> logger)
    : IdempotentConsumer<RiskLevelChanged, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RiskLevelChanged> context)
    {
        var m = context.Message;
        var held = await Db.YoungPersonRiskLevels.SingleOrDefaultAsync(r => r.YoungPersonId == m.YoungPersonId, context.CancellationToken);
        if (held is null)
        {
            Db.YoungPersonRiskLevels.Add(YoungPersonRiskLevel.Of(m.YoungPersonId, m.NewLevel, m.OccurredAt));
        }
        else
        {
            held.Apply(m.NewLevel, m.OccurredAt);
        }
    }
}
