using System.Reflection;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Support.Contracts.Registry;
using Support.ServiceDefaults.Data;

namespace Support.Registry;

/// <summary>
/// REC-04: this service erased a young person's records at the end of their retention period. Only the id, the
/// tombstone and when: no name, no date of birth. Kept so that an event about them still in flight (a late chronology
/// event, a registry correction) cannot write a new row about them afterwards (<see cref="ErasedYoungPersonFilter{T}"/>).
/// </summary>
[KeptAfterRetention("It is what stops an event still in flight from recording the erased young person again")]
public sealed class ErasedYoungPerson
{
    private ErasedYoungPerson() { }

    public Guid YoungPersonId { get; private init; }
    public Guid TombstoneId { get; private init; }
    public DateTimeOffset ErasedAt { get; private init; }

    public static ErasedYoungPerson Mark(Guid youngPersonId, Guid tombstoneId, DateTimeOffset at) =>
        new() { YoungPersonId = youngPersonId, TombstoneId = tombstoneId, ErasedAt = at };
}

public static class ErasedYoungPeople
{
    public static ModelBuilder AddErasedYoungPeople(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ErasedYoungPerson>(e =>
        {
            e.ToTable("erased_young_people");
            e.HasKey(x => x.YoungPersonId);
            e.Property(x => x.YoungPersonId).ValueGeneratedNever();
        });
        return modelBuilder;
    }

    /// <summary>The <c>YoungPersonId</c> property of a message type naming one young person (a Guid, optional or not), or null.</summary>
    internal static PropertyInfo? SubjectProperty(Type messageType) =>
        messageType.GetProperty("YoungPersonId") is { } p && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)) ? p : null;
}

/// <summary>Whether this service has erased a young person (REC-04).</summary>
public interface IErasedYoungPeople
{
    Task<bool> IsErasedAsync(Guid youngPersonId, CancellationToken cancellationToken);
}

internal sealed class ErasedYoungPeopleOf<TContext>(TContext db) : IErasedYoungPeople where TContext : DbContext
{
    public Task<bool> IsErasedAsync(Guid youngPersonId, CancellationToken cancellationToken) =>
        db.Set<ErasedYoungPerson>().AnyAsync(e => e.YoungPersonId == youngPersonId, cancellationToken);
}

/// <summary>
/// On every endpoint of the service: a message about a young person this service has erased is set aside (consumed,
/// not handled), so nothing about them is written again (REC-04). An endpoint whose write itself leaves out the erased
/// (the registry projection's batched registrations) goes without it. The retention messages themselves pass, as does a
/// message about several young people at once (a strategy meeting of several children: README "Retention" says what is
/// kept). Only the message type is logged.
/// </summary>
public sealed partial class ErasedYoungPersonFilter<T>(IErasedYoungPeople erased, ILogger<ErasedYoungPersonFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    // Looked up once per message type, not per message; the retention messages themselves are never set aside.
    private static readonly PropertyInfo? Subject = typeof(T) == typeof(RetentionPeriodEnded) || typeof(T) == typeof(YoungPersonRecordsErased)
        ? null
        : ErasedYoungPeople.SubjectProperty(typeof(T));

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (Subject?.GetValue(context.Message) is Guid youngPersonId && youngPersonId != Guid.Empty
            && await erased.IsErasedAsync(youngPersonId, context.CancellationToken))
        {
            LogSetAside(logger, typeof(T).Name);
            return;
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("erased-young-person");

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} set aside: it is about a young person whose records this service erased")]
    private static partial void LogSetAside(ILogger logger, string messageType);
}
