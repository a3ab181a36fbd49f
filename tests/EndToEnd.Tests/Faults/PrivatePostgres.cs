using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Support.EndToEnd.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the fault suite's own, from the same Debian packages <c>tools/infra</c> installs, so that it
/// can be restarted and its disk filled without touching the server every other suite shares. Its data folder is a
/// small tmpfs, so "the disk of the data folder is full" is a real full disk; its write-ahead log is kept on another
/// disk (<c>initdb --waldir</c>), as production keeps it on its own volume, so a full data folder refuses writes
/// (SQLSTATE 53100) instead of stopping the server. Needs root (mount, and running postgres as its own user).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private bool _mounted;

    private PrivatePostgres(string root, string bin, int port)
    {
        _root = root;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }
    public string DataFolder => Path.Combine(_root, "data");
    private string WalFolder => Path.Combine(_root, "wal");
    private string Filler => Path.Combine(DataFolder, "filler");
    public string LogFile => Path.Combine(_root, "postgres.log");

    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Pooling = false, Timeout = 5,
    }.ConnectionString;

    public static async Task<PrivatePostgres> StartAsync(int dataFolderMegabytes)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's server binaries are not installed: tools/infra install (tools/test runs it) installs them.");
        }
        // Not under the clone: postgres runs as its own user and must reach its folders.
        var root = Path.Combine("/var/tmp", $"support-faults-{Guid.NewGuid():N}"[..30]);
        var server = new PrivatePostgres(root, bin, Platform.FreePort());
        Directory.CreateDirectory(server.DataFolder);
        Directory.CreateDirectory(server.WalFolder);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={dataFolderMegabytes}m,mode=0700", "support-faults", server.DataFolder);
        server._mounted = true;
        await RunAsync("chown", "-R", "postgres:postgres", root);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", server.DataFolder, "--waldir", server.WalFolder,
            "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server and waits until it takes connections.</summary>
    public Task StartServerAsync() => PgCtlAsync("start", "-l", LogFile, "-o",
        string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ")
        // The production log settings (k8s/base/data/postgres.yaml): an error's detail quotes row values.
        + "-c log_error_verbosity=terse -c log_min_error_statement=panic -c log_parameter_max_length=0 -c log_parameter_max_length_on_error=0");

    /// <summary>A fast shutdown: sessions are ended mid-transaction, as on a restart for an upgrade or a failover.</summary>
    public Task StopServerAsync() => PgCtlAsync("stop", "-m", "fast");

    /// <summary>Fills the data folder's disk to the last byte.</summary>
    public async Task FillDataFolderAsync()
    {
        var chunk = new byte[1 << 20];
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var size in new[] { 1 << 20, 64 << 10, 4 << 10, 512 })
        {
            try
            {
                while (true)
                {
                    await filler.WriteAsync(chunk.AsMemory(0, size));
                    await filler.FlushAsync();
                }
            }
            catch (IOException)
            {
                // No space left for a piece this size; go on with smaller ones.
            }
        }
    }

    public void FreeDataFolder() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgCtlAsync("stop", "-m", "immediate");
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }
        if (_mounted)
        {
            await RunAsync("umount", "-l", DataFolder);
        }
        Directory.Delete(_root, recursive: true);
    }

    private Task PgCtlAsync(string action, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-w", "-t", "60", action, .. arguments]);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
