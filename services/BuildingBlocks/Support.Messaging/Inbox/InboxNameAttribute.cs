namespace Support.Messaging.Inbox;

/// <summary>
/// The stable name under which a consumer's processed messages are recorded in its service's inbox. It is part of the
/// database's state, not of the code: renaming or moving the class must not reset de-duplication, so the name is
/// declared here and changed only together with a migration that renames the existing inbox rows.
/// Convention: <c>{feature}.{what-it-does}</c> in kebab case, unique within the service.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InboxNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
