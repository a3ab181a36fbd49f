using Support.Outreach.Data;
using Support.Testing;

namespace Support.Outreach.Tests;

/// <summary>The Outreach service keeps its own copy of the registry, built from events over the real broker.</summary>
[Collection(RealBusCollection.Name)]
public sealed class OutreachRegistryProjectionTests : RegistryProjectionTests<OutreachDbContext>
{
    protected override string Service => "outreach";
    protected override string ConnectionName => "Outreach";
}
