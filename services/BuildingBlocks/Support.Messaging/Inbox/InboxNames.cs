using System.Reflection;

namespace Support.Messaging.Inbox;

public static class InboxNames
{
    /// <summary>
    /// The declared <see cref="InboxNameAttribute"/> of a consumer type (of its generic definition for generic
    /// consumers). Until every consumer declares one, an undeclared consumer keeps its old CLR-name key.
    /// </summary>
    public static string Of(Type consumer)
    {
        var definition = consumer.IsGenericType ? consumer.GetGenericTypeDefinition() : consumer;
        return definition.GetCustomAttribute<InboxNameAttribute>()?.Name ?? consumer.FullName ?? consumer.Name;
    }
}
