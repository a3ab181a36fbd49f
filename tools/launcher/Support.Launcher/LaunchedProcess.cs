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
        var lastAnswer = "no answer yet";
        while (true)
        {
            if (process.HasExited)
            {
                throw new LaunchException($"{Spec.Name} exited with code {process.ExitCode} before it was ready; see {Spec.LogFile}{Environment.NewLine}{Tail()}");
            }
            var (ok, answer) = await AskReadyAsync(client, ready, cancellationToken);
            if (ok)
            {
                VerifyListener();
                return;
            }
            lastAnswer = answer;
            if (DateTime.UtcNow > deadline)
            {
                // What /health/ready last said (which check was not healthy) is what tells a slow start from a stuck one.
                throw new LaunchException(
                    $"{Spec.Name} was not ready after {timeout.TotalSeconds:0} s (last answer: {lastAnswer}); see {Spec.LogFile}{Environment.NewLine}{Tail()}");
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

    /// <summary>Freezes the process (SIGSTOP): it holds its connections and the messages delivered to it, and does nothing.</summary>
    public void Freeze() => Signals.Freeze(Identity.Pid);

    /// <summary>Thaws a frozen process (SIGCONT).</summary>
    public void Thaw() => Signals.Thaw(Identity.Pid);

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-transaction, as on a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
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

    /// <summary>Whether <c>/health/ready</c> answers 200, and otherwise what it answered (status and the start of the body).</summary>
    private static async Task<(bool Ok, string Answer)> AskReadyAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (true, "200");
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (false, $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
        }
        catch (HttpRequestException)
        {
            return (false, "not listening"); // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, "no answer within 5 s"); // slow start on a loaded machine
        }
    }
}
