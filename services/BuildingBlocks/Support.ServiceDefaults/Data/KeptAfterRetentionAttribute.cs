namespace Support.ServiceDefaults.Data;

/// <summary>
/// An entity with a <c>YoungPersonId</c> that the retention erasure keeps (REC-04): the retention tombstone and the
/// legal holds, which are the audit of the erasure itself. The reason is for readers of the code and the README.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KeptAfterRetentionAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// An entity whose key <c>Id</c> is the young person's own id (the registry, a service's copy of it): the retention
/// erasure removes its row by that key.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KeyedByYoungPersonAttribute : Attribute;
