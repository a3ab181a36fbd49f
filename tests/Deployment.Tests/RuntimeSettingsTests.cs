using System.Text.Json;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>
/// The runtime settings every service and the gateway are built with (Directory.Build.targets; README "Memory and the
/// garbage collector", "Compilation after a start" and "Idle threads do not spin"), read from the runtimeconfig.json
/// each build writes beside its assembly, which is what the process, and the image built from the same project, start
/// with.
/// </summary>
public sealed class RuntimeSettingsTests
{
    public static TheoryData<string> Assemblies() =>
        ["Referrals.Api", "Outreach.Api", "Missing.Api", "Therapy.Api", "LeavingCare.Api", "SupportLine.Api", "Support.Gateway"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void A_service_runs_with_workstation_non_concurrent_gc_a_heap_limit_and_no_tiered_pgo(string assembly)
    {
        var settings = ConfigProperties(assembly);

        Assert.False(settings.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(settings.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(512L * 1024 * 1024, settings.GetProperty("System.GC.HeapHardLimit").GetInt64());
        Assert.True(settings.TryGetProperty("System.Runtime.TieredPGO", out var pgo), "TieredPGO is not set, so it is on");
        Assert.False(pgo.GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void A_service_runs_with_thread_pool_threads_that_sleep_instead_of_spinning(string assembly)
    {
        var settings = ConfigProperties(assembly);

        Assert.True(settings.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spin),
            "UnfairSemaphoreSpinLimit is not set, so idle worker threads spin before they sleep");
        Assert.Equal(0, spin.GetInt32());
    }

    private static JsonElement ConfigProperties(string assembly)
    {
        // The same build configuration as this test assembly's (artifacts/bin/<project>/<configuration>/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", assembly, configuration, $"{assembly}.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
