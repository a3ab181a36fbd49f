using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Consumers;

/// <summary>THR-01: the CSE context a referral carries, from the risk events; an older level arriving late never wins.</summary>
[InboxName("referrals.risk-level-changed")]
public sealed class RiskLevelChangedConsumer(TherapyDbContext db, TimeProvider clock, ILogger<RiskLevelChangedConsumer> logger)
    : IdempotentConsumer<RiskLevelChanged, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RiskLevelChanged> context)
    {
        var m = context.Message;
        var picture = await Db.RiskPictures.SingleOrDefaultAsync(p => p.YoungPersonId == m.YoungPersonId, context.CancellationToken);
        if (picture is null)
        {
            Db.RiskPictures.Add(RiskPicture.From(m.YoungPersonId, m.NewLevel, m.Indicators, m.SourceId, m.OccurredAt));
        }
        else
        {
            picture.Apply(m.NewLevel, m.Indicators, m.SourceId, m.OccurredAt);
        }
    }
}

/// <summary>THR-01: who the key worker is, so the task after a decline reaches them; the latest assignment wins.</summary>
[InboxName("tasks.key-worker-assigned")]
public sealed class KeyWorkerAssignedConsumer(TherapyDbContext db, TimeProvider clock, ILogger<KeyWorkerAssignedConsumer> logger)
    : IdempotentConsumer<KeyWorkerAssigned, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<KeyWorkerAssigned> context)
    {
        var m = context.Message;
        var keyWorker = await Db.KeyWorkers.SingleOrDefaultAsync(k => k.YoungPersonId == m.YoungPersonId, context.CancellationToken);
        if (keyWorker is null)
        {
            Db.KeyWorkers.Add(KeyWorker.From(m.YoungPersonId, m.KeyWorker, m.OccurredAt));
        }
        else
        {
            keyWorker.Apply(m.KeyWorker, m.OccurredAt);
        }
    }
}

/// <summary>REF-23: the key worker stopped holding the case with no successor; tasks no longer go to them.</summary>
[InboxName("tasks.key-worker-allocation-ended")]
public sealed class KeyWorkerAllocationEndedConsumer(TherapyDbContext db, TimeProvider clock, ILogger<KeyWorkerAllocationEndedConsumer> logger)
    : IdempotentConsumer<KeyWorkerAllocationEnded, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<KeyWorkerAllocationEnded> context)
    {
        var m = context.Message;
        var keyWorker = await Db.KeyWorkers.SingleOrDefaultAsync(k => k.YoungPersonId == m.YoungPersonId, context.CancellationToken);
        if (keyWorker is null)
        {
            Db.KeyWorkers.Add(KeyWorker.Vacant(m.YoungPersonId, m.OccurredAt));
        }
        else
        {
            keyWorker.Vacate(m.KeyWorker, m.OccurredAt);
        }
    }
}
