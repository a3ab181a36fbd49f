using Support.Therapy.Data;
using Support.Testing;

namespace Support.Therapy.Tests;

/// <summary>The Therapy service keeps its own copy of the registry, built from events over the real broker.</summary>
public sealed class TherapyRegistryProjectionTests : RegistryProjectionTests<TherapyDbContext>
{
    protected override string Service => "therapy";
    protected override string ConnectionName => "Therapy";
}
