using Support.SupportLine.Data;
using Support.Testing;

namespace Support.SupportLine.Tests;

/// <summary>The SupportLine service keeps its own copy of the registry, built from events over the real broker.</summary>
public sealed class SupportLineRegistryProjectionTests : RegistryProjectionTests<SupportLineDbContext>
{
    protected override string Service => "supportline";
    protected override string ConnectionName => "SupportLine";
}
