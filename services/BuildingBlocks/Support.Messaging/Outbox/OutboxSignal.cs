using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Support.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as a transaction holding new outbox rows commits, so an event leaves within milliseconds
/// of its change instead of waiting for the next poll. The poll stays as the safety net (another replica's rows, a
/// missed wake-up), so a lost signal only costs latency, never a message.
/// </summary>
public sealed class OutboxSignal<TContext> where TContext : DbContext
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one wake-up is stored: many commits during one relay pass need only one more pass.
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit stored the wake-up first.
            }
        }
    }

    /// <summary>Waits for a wake-up, or for <paramref name="poll"/> on <paramref name="clock"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wakeUp = _pending.WaitAsync(either.Token);
        var timer = Task.Delay(poll, clock, either.Token);
        await Task.WhenAny(wakeUp, timer).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(wakeUp, timer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

/// <summary>
/// Signals the relay after a save that added outbox rows has committed: at once for a save in its own transaction,
/// at the commit for a save inside an explicit one (the inbox consumer's), never before the rows are visible.
/// </summary>
internal sealed class OutboxCommitInterceptor<TContext>(OutboxSignal<TContext> signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && HasAddedOutboxMessages(context.ChangeTracker))
        {
            Pending.AddOrUpdate(context, Marker);
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Outbox rows are only ever added directly (<see cref="EfOutbox{TContext}"/>), so they are in the Added state
    /// already: no need for ChangeTracker.Entries' own change detection, a full scan of every tracked entity that the
    /// save about to run does again (it showed in the support line's profile; its gain was within the noise there).
    /// </summary>
    private static bool HasAddedOutboxMessages(ChangeTracker tracker)
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Pending.Remove(context))
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            signal.Notify();
        }
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Pending.Remove(context);
        }
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Pending.Remove(context);
        }
    }

    /// <summary>Contexts with outbox rows saved but not yet committed. Weak, so a context never outlives its scope here.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = new();

    private static readonly object Marker = new();
}
