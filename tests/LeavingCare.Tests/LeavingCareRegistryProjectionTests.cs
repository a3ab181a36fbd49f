using Support.LeavingCare.Data;
using Support.Testing;

namespace Support.LeavingCare.Tests;

/// <summary>The LeavingCare service keeps its own copy of the registry, built from events over the real broker.</summary>
public sealed class LeavingCareRegistryProjectionTests : RegistryProjectionTests<LeavingCareDbContext>
{
    protected override string Service => "leavingcare";
    protected override string ConnectionName => "LeavingCare";
}
