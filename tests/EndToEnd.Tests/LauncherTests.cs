using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Support.Launcher;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// The platform's one launcher (tools/launcher; tools/run, <see cref="Platform"/> and the benchmarks use it): a taken
/// port is refused with the holder named, and stop signals only the very process a pid file recorded.
/// </summary>
public sealed class LauncherTests
{
    private static string AnyServiceDll() =>
        Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", "Therapy.Api", "debug", "Therapy.Api.dll");

    [Fact]
    public void A_port_already_taken_is_refused_naming_the_process_that_holds_it()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var spec = new LaunchSpec("therapy", AnyServiceDll(), TestEnvironment.RepositoryRoot, port, new Dictionary<string, string>(),
            Path.Combine(Path.GetTempPath(), $"launcher-{Guid.NewGuid():N}.log"));

        var refused = Assert.Throws<LaunchException>(() => ProcessLauncher.Start(spec));

        Assert.Contains($"port {port} is already taken by pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_leaves_alone_a_process_that_only_inherited_a_recorded_pid_and_stops_the_recorded_one()
    {
        var runDir = Directory.CreateTempSubdirectory("launcher-").FullName;
        using var other = Process.Start(new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false })!;
        try
        {
            var ticks = ProcessIdentity.StartTicksOf(other.Id)!.Value;
            // The pid was recorded for a process that started at another moment: the pid now belongs to someone else.
            PidFiles.Write(runDir, "referrals", new ProcessIdentity(other.Id, ticks + 1, "sleep"));
            var stale = await PidFiles.StopAsync(runDir, "referrals", TimeSpan.FromSeconds(5));
            Assert.Contains("nothing signalled", stale, StringComparison.Ordinal);
            Assert.False(other.HasExited);
            Assert.False(File.Exists(PidFiles.PathOf(runDir, "referrals")));

            // The same pid with its own start time and command is the process recorded: it is stopped.
            PidFiles.Write(runDir, "referrals", new ProcessIdentity(other.Id, ticks, "sleep"));
            var stopped = await PidFiles.StopAsync(runDir, "referrals", TimeSpan.FromSeconds(5));
            Assert.Equal($"referrals: stopped (pid {other.Id})", stopped);
            Assert.True(other.WaitForExit(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            if (!other.HasExited)
            {
                other.Kill();
            }
            Directory.Delete(runDir, recursive: true);
        }
    }
}
