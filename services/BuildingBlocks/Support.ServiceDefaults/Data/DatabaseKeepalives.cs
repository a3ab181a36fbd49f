using Npgsql;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Keepalives on every service's PostgreSQL connections, set once here for every DbContext (and so for the outbox
/// relay, the inbox and every job). A relay that freezes or loses the network must not hold its claimed outbox rows
/// (issue 10, fault 8): <c>idle_in_transaction_session_timeout</c> covers a frozen process whose socket is still up;
/// these cover a vanished peer. The server probes the client (<c>tcp_keepalives_*</c>, sent as startup options), so
/// PostgreSQL ends the session of a relay that is gone and releases its row locks within about a minute instead of the
/// kernel default of two hours; the client probes the server (Npgsql's <c>Tcp Keepalive</c>), so a service whose
/// database vanished gets an error instead of waiting on a dead socket for ever.
/// </summary>
public static class DatabaseKeepalives
{
    /// <summary>Seconds of silence before the first probe.</summary>
    public const int IdleSeconds = 30;

    /// <summary>Seconds between unanswered probes.</summary>
    public const int IntervalSeconds = 10;

    /// <summary>Unanswered probes before the peer is taken for dead: 30 + 3 × 10 = 60 s at most.</summary>
    public const int Count = 3;

    /// <summary>
    /// The connection string with keepalives on both ends; settings already in it (an operator's own choice) are kept.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.TcpKeepAlive && builder.TcpKeepAliveTime == 0)
        {
            builder.TcpKeepAlive = true;
            builder.TcpKeepAliveTime = IdleSeconds;
            builder.TcpKeepAliveInterval = IntervalSeconds;
        }
        var options = builder.Options ?? "";
        if (!options.Contains("tcp_keepalives_idle", StringComparison.Ordinal))
        {
            builder.Options = $"{options} -c tcp_keepalives_idle={IdleSeconds} -c tcp_keepalives_interval={IntervalSeconds} -c tcp_keepalives_count={Count}".Trim();
        }
        return builder.ConnectionString;
    }
}
