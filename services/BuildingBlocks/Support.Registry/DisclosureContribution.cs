using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;

namespace Support.Registry;

/// <summary>
/// What one service holds about a young person, word for word, for a disclosure pack (REC-10, issue 16 item 3). Each
/// service writes one, reading its own tables; the mechanism that asks and answers is <see cref="DisclosureContributionConsumer{TContext}"/>.
/// </summary>
public interface IDisclosureContributor
{
    Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken);
}

/// <summary>The sections another service's records go into.</summary>
public static class DisclosedSections
{
    /// <summary>The young person's own words (issue 16 item 4): a return interview's account, a text marked as their views, handover wishes.</summary>
    public const string OwnWords = "own-words";
    /// <summary>Every other record a service keeps about them, word for word.</summary>
    public const string ServiceRecords = "service-records";

    public static readonly IReadOnlyList<string> All = [OwnWords, ServiceRecords];
}

/// <summary>Builds <see cref="DisclosedRecord"/>s the same way in every service: empty fields are left out.</summary>
public static class Disclosed
{
    public static DisclosedRecord Record(string id, string section, DateTimeOffset? occurredAt, string? recordedBy, string? recordedByRole,
        DateTimeOffset? recordedAt, params (string Name, string? Value)[] fields) => new()
    {
        Id = id, Section = section, OccurredAt = occurredAt, RecordedBy = recordedBy, RecordedByRole = recordedByRole, RecordedAt = recordedAt,
        Fields = [.. fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new DisclosedField { Name = f.Name, Value = f.Value! })],
    };
}

/// <summary>
/// Answers <see cref="DisclosurePackRequested"/> with this service's part of the pack, once per pack (the inbox), in the
/// same transaction as the inbox row (the outbox). Only counts are logged: the records never reach a log.
/// </summary>
[InboxName("disclosure.contribute-to-pack")]
public sealed partial class DisclosureContributionConsumer<TContext>(
    TContext db, IDisclosureContributor contributor, IOutbox outbox, TimeProvider clock, ILogger<DisclosureContributionConsumer<TContext>> logger)
    : IdempotentConsumer<DisclosurePackRequested, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<DisclosurePackRequested> context)
    {
        var records = await contributor.RecordsAsync(context.Message.YoungPersonId, context.CancellationToken);
        var service = Db.Model.GetDefaultSchema() ?? Db.GetType().Name;
        outbox.Add(new DisclosurePackContributed
        {
            PackId = context.Message.PackId,
            YoungPersonId = context.Message.YoungPersonId,
            Service = service,
            Records = records,
            OccurredAt = Clock.GetUtcNow(),
        });
        LogContributed(logger, service, records.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disclosure pack contribution from {Service}: {Records} records")]
    private static partial void LogContributed(ILogger logger, string service, int records);
}

public static class DisclosureContributionRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContributor"/> and the consumer that answers pack requests with it, on
    /// <c>{service}-disclosure-pack-requested</c>. Every service but Referrals (which makes the packs) calls it.
    /// </summary>
    public static IBusRegistrationConfigurator AddDisclosureContribution<TContext, TContributor>(this IBusRegistrationConfigurator bus, string service)
        where TContext : DbContext
        where TContributor : class, IDisclosureContributor
    {
        bus.AddScoped<IDisclosureContributor, TContributor>();
        bus.AddConsumer<DisclosureContributionConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-disclosure-pack-requested");
        return bus;
    }
}
