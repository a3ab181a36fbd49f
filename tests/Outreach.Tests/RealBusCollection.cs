namespace Support.Outreach.Tests;

/// <summary>
/// Classes whose Outreach host is on the real broker. Every such host binds the same queues (outreach-...), so two
/// alive at once would take each other's messages: the classes in this collection run one after another. API tests
/// use the in-memory harness (<see cref="OutreachFixture"/>) and run in parallel with them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealBusCollection
{
    public const string Name = "Outreach on the real broker";
}
