using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.Registry;

namespace Support.Referrals.Consumers.Disclosure;

/// <summary>
/// REC-10, issue 16 item 3: another service's part of a pack arrives and is kept beside it, once per pack and service,
/// with the service's name on every item id. A part for a pack this service does not hold, or about another young
/// person, is set aside and logged by id only; nothing from a part ever reaches the log.
/// </summary>
[InboxName("disclosure.add-pack-contribution")]
public sealed partial class AddPackContribution(ReferralsDbContext db, TimeProvider clock, ILogger<AddPackContribution> logger)
    : IdempotentConsumer<DisclosurePackContributed, ReferralsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<DisclosurePackContributed> context)
    {
        var m = context.Message;
        var pack = await Db.DisclosurePacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == m.PackId, context.CancellationToken);
        if (pack is null || pack.YoungPersonId != m.YoungPersonId || m.Service.Length is 0 or > 40)
        {
            LogUnknownPack(logger, m.PackId, m.Service);
            return;
        }
        if (await Db.PackContributions.AnyAsync(c => c.PackId == m.PackId && c.Service == m.Service, context.CancellationToken))
        {
            return;
        }
        var items = m.Records.Select(r => new PackItem(
            $"{m.Service}:{r.Id}",
            DisclosedSections.All.Contains(r.Section) ? r.Section : DisclosedSections.ServiceRecords,
            r.OccurredAt,
            new PackProvenance(m.Service, r.RecordedBy, r.RecordedByRole, r.RecordedAt),
            r.Fields.Where(f => f.Name.Length > 0).DistinctBy(f => f.Name, StringComparer.Ordinal)
                .ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal))).ToList();
        Db.PackContributions.Add(PackContribution.Receive(pack, m.Service, items, Clock.GetUtcNow()));
        LogReceived(logger, m.PackId, m.Service, items.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pack contribution from {Service} for pack {PackId}, which is not held for that young person: set aside")]
    private static partial void LogUnknownPack(ILogger logger, Guid packId, string service);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pack {PackId}: {Items} items from {Service}")]
    private static partial void LogReceived(ILogger logger, Guid packId, string service, int items);
}
