using System.Reflection;
using Support.Messaging.Inbox;
using Xunit;

namespace Support.Testing;

/// <summary>
/// The inbox names of a service's consumers are database state: each names the inbox rows that make redelivered
/// messages no-ops. This contract checks that every consumer declares one, that no two share one, and that the set
/// equals the list recorded beside the service's tests, so a rename cannot slip through without the migration that
/// renames its rows.
/// </summary>
public static class InboxNameContract
{
    public static void Verify(string recordedList, params Assembly[] assemblies)
    {
        var consumers = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && DerivesFromIdempotentConsumer(t))
            .ToList();
        Assert.NotEmpty(consumers);

        var undeclared = consumers.Where(t => t.GetCustomAttribute<InboxNameAttribute>() is null).Select(t => t.Name).ToList();
        Assert.True(undeclared.Count == 0, $"Consumers without [InboxName]: {string.Join(", ", undeclared)}");

        var names = consumers.Select(t => (Type: t, t.GetCustomAttribute<InboxNameAttribute>()!.Name)).ToList();
        var shared = names.GroupBy(n => n.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(n => n.Type.Name))})").ToList();
        Assert.True(shared.Count == 0, $"Consumers sharing an inbox name would suppress each other's messages: {string.Join("; ", shared)}");

        var path = Path.Combine(TestEnvironment.RepositoryRoot, recordedList);
        var recorded = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal).ToList();
        var current = names.Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        var added = current.Except(recorded).ToList();
        var removed = recorded.Except(current).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"Inbox names differ from {recordedList}: new [{string.Join(", ", added)}], gone [{string.Join(", ", removed)}]. "
            + "A renamed consumer needs a migration that renames its inbox rows (UPDATE inbox_messages SET consumer = 'new' WHERE consumer = 'old'); "
            + "then record the new list.");
    }

    /// <summary>Either form of the inbox: one message at a time, or a batch (the registry projection's registrations).</summary>
    private static bool DerivesFromIdempotentConsumer(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>) || t.GetGenericTypeDefinition() == typeof(IdempotentBatchConsumer<,>)))
            {
                return true;
            }
        }
        return false;
    }
}
