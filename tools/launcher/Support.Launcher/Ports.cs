using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Support.Launcher;

/// <summary>Which process listens on a TCP port, read from <c>/proc/net/tcp{,6}</c> and each process's open sockets.</summary>
public static class Ports
{
    private const string Listen = "0A";

    /// <summary>
    /// The pid of the process listening on <paramref name="port"/> (any address), null when nobody listens, or -1 when
    /// a socket listens but its owner cannot be read (another user's process).
    /// </summary>
    public static int? ListenerOf(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && inodes.Contains(target["socket:[".Length..^1]))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a process that ended meanwhile, or one we may not look into
            }
        }
        return -1;
    }

    /// <summary>
    /// Refuses a port that is already taken, naming who holds it, so a stale or foreign process is never mistaken for
    /// the one about to start.
    /// </summary>
    public static void EnsureFree(int port, string name)
    {
        var holder = ListenerOf(port);
        if (holder is null)
        {
            try
            {
                // Also catches a port bound but not listening (or invisible in /proc).
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return;
            }
            catch (SocketException)
            {
                holder = -1;
            }
        }
        var who = holder > 0 ? $"pid {holder} ({ProcessIdentity.CommandLineOf(holder.Value)})" : "another process";
        throw new LaunchException(
            $"{name}: port {port} is already taken by {who}; stop it (tools/run stop stops only what tools/run started) or free the port.");
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && fields[1].EndsWith(suffix, StringComparison.Ordinal))
                {
                    inodes.Add(fields[9]);
                }
            }
        }
        return inodes;
    }
}

public sealed class LaunchException(string message) : Exception(message);
