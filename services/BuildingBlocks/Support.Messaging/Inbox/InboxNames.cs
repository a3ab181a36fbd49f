using System.Reflection;

namespace Support.Messaging.Inbox;

public static class InboxNames
{
    /// <summary>
    /// The declared <see cref="InboxNameAttribute"/> of a consumer type (of its generic definition for generic
    /// consumers). A consumer without one cannot run: its inbox key would be its CLR name, which a rename or a version
    /// stamp changes, silently resetting de-duplication.
    /// </summary>
    public static string Of(Type consumer)
    {
        var definition = consumer.IsGenericType ? consumer.GetGenericTypeDefinition() : consumer;
        return definition.GetCustomAttribute<InboxNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{consumer.Name} has no [InboxName]: declare the stable name of its inbox rows.");
    }
}
