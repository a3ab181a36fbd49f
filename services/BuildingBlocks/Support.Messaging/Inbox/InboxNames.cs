using System.Collections.Concurrent;
using System.Reflection;

namespace Support.Messaging.Inbox;

public static class InboxNames
{
    // Read on every consumed message: the attribute lookup is done once per consumer type.
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>
    /// The declared <see cref="InboxNameAttribute"/> of a consumer type (of its generic definition for generic
    /// consumers). A consumer without one cannot run: its inbox key would be its CLR name, which a rename or a version
    /// stamp changes, silently resetting de-duplication.
    /// </summary>
    public static string Of(Type consumer) => Names.GetOrAdd(consumer, static type =>
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition.GetCustomAttribute<InboxNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type.Name} has no [InboxName]: declare the stable name of its inbox rows.");
    });
}
