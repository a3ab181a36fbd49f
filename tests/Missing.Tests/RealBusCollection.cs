namespace Support.Missing.Tests;

/// <summary>
/// Classes whose Missing host is on the real broker. Every such host binds the same queues (missing-...), so two alive
/// at once would take each other's messages: the classes in this collection run one after another. API tests use
/// the in-memory harness (<see cref="MissingFixture"/>) and run in parallel with them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealBusCollection
{
    public const string Name = "Missing on the real broker";
}
