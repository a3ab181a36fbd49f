using System.Diagnostics;
using System.Net;

namespace Support.Launcher;

/// <summary>A process this launcher started: its spec, its <see cref="Process"/> and its recorded identity.</summary>
public sealed class LaunchedProcess(LaunchSpec spec, Process process, ProcessIdentity identity) : IAsyncDisposable
{
    public LaunchSpec Spec { get; } = spec;
    public ProcessIdentity Identity { get; } = identity;
    public bool HasExited => process.HasExited;

    /// <summary>
    /// Waits for <c>/health/ready</c> to answer 200, then checks that the socket answering on the port belongs to this
    /// process, never to something else that took the port meanwhile.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri(Spec.BaseAddress, "/health/ready");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new LaunchException($"{Spec.Name} exited with code {process.ExitCode} before it was ready; see {Spec.LogFile}{Environment.NewLine}{Tail()}");
            }
            if (await AnswersOkAsync(client, ready, cancellationToken))
            {
                VerifyListener();
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new LaunchException($"{Spec.Name} was not ready after {timeout.TotalSeconds:0} s; see {Spec.LogFile}{Environment.NewLine}{Tail()}");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Throws unless the process listening on the port is this one.</summary>
    public void VerifyListener()
    {
        var listener = Ports.ListenerOf(Spec.Port);
        if (listener != Identity.Pid)
        {
            var who = listener switch
            {
                null => "nothing",
                -1 => "a process whose owner cannot be read",
                _ => $"pid {listener} ({ProcessIdentity.CommandLineOf(listener.Value)})",
            };
            throw new LaunchException($"{Spec.Name}: port {Spec.Port} is answered by {who}, not by the process started (pid {Identity.Pid}).");
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), then kills it if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }
        Signals.Terminate(Identity.Pid);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private string Tail()
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(Spec.LogFile).TakeLast(20));
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task<bool> AnswersOkAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // slow start on a loaded machine
        }
    }
}
