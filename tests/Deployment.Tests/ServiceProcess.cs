using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>A built service dll run as its own process (as the container's entry point runs it), with its output kept.</summary>
public static class ServiceProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static string Dll(string assembly)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", assembly, "debug", $"{assembly}.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first (tools/test does).");
    }

    /// <summary>Runs the dll to its end, or kills it and fails once <paramref name="timeout"/> has passed.</summary>
    public static async Task<Result> RunToExitAsync(
        string assembly, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var (started, output) = Launch(assembly, workingDirectory, arguments, environment);
        using var process = started;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                throw new TimeoutException($"{assembly} {string.Join(' ', arguments)} was still running after {timeout}:\n{output}");
            }
        }
        // WaitForExitAsync returns once the output streams are drained too.
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    /// <summary>A service left running (until disposed), its output kept for the failure message.</summary>
    public sealed class Running(Process process, StringBuilder output) : IAsyncDisposable
    {
        public bool HasExited => process.HasExited;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    public static Running Start(string assembly, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var (process, output) = Launch(assembly, workingDirectory, arguments, environment);
        return new Running(process, output);
    }

    private static (Process, StringBuilder) Launch(
        string assembly, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Dll(assembly), .. arguments])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, workingDirectory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assembly}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
