using MassTransit;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Retention;

namespace Support.Referrals.Consumers.Retention;

/// <summary>
/// REC-04: each service's answer to a tombstone (what it removed, table by table) is written under it, so the tombstone
/// is the reconciliation of one erasure across the platform. Exactly once per answer, via the inbox.
/// </summary>
[InboxName("retention.tombstone-entries")]
public sealed class RecordTombstoneEntries(ReferralsDbContext db, TimeProvider clock, ILogger<RecordTombstoneEntries> logger)
    : IdempotentConsumer<YoungPersonRecordsErased, ReferralsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<YoungPersonRecordsErased> context)
    {
        Db.Set<RetentionTombstoneEntry>().AddRange(RetentionTombstoneEntry.From(context.Message));
        return Task.CompletedTask;
    }
}
