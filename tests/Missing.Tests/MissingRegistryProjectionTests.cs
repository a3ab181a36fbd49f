using Support.Missing.Data;
using Support.Testing;

namespace Support.Missing.Tests;

/// <summary>The Missing service keeps its own copy of the registry, built from events over the real broker.</summary>
[Collection(RealBusCollection.Name)]
public sealed class MissingRegistryProjectionTests : RegistryProjectionTests<MissingDbContext>
{
    protected override string Service => "missing";
    protected override string ConnectionName => "Missing";
}
