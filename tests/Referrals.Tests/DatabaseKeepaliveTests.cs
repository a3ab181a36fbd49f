using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Support.Referrals.Data;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 10, fault 8: the connections a service (and so its outbox relay) opens through <c>AddServiceDatabase</c>
/// carry TCP keepalives on both ends, so a relay that vanishes from the network loses its session and its claimed rows.
/// </summary>
public sealed class DatabaseKeepaliveTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task The_service_database_connection_has_TCP_keepalives_on_the_server_side_and_the_client_socket()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // The server probes this client after 30 s of silence, every 10 s, 3 times.
        var server = new Dictionary<string, string>();
        await using (var command = new NpgsqlCommand(
            "SELECT name, setting FROM pg_settings WHERE name IN ('tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count')", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                server[reader.GetString(0)] = reader.GetString(1);
            }
        }
        Assert.Equal(
            new Dictionary<string, string> { ["tcp_keepalives_count"] = "3", ["tcp_keepalives_idle"] = "30", ["tcp_keepalives_interval"] = "10" },
            server);

        // The client's own socket has SO_KEEPALIVE: Linux shows its keepalive timer (timer code 2) in /proc/net/tcp.
        await using var portCommand = new NpgsqlCommand("SELECT inet_client_port()", connection);
        var clientPort = (int)(await portCommand.ExecuteScalarAsync())!;
        Assert.Equal("02", TcpTimerOf(clientPort));
    }

    [Fact]
    public void Keepalives_an_operator_set_in_the_connection_string_are_kept()
    {
        var own = DatabaseKeepalives.Apply("Host=db;Tcp Keepalive Time=120;Tcp Keepalive Interval=5;Options=-c tcp_keepalives_idle=300");
        var plain = DatabaseKeepalives.Apply("Host=db");

        var ownBuilder = new NpgsqlConnectionStringBuilder(own);
        Assert.Equal((false, 120, 5, "-c tcp_keepalives_idle=300"), (ownBuilder.TcpKeepAlive, ownBuilder.TcpKeepAliveTime, ownBuilder.TcpKeepAliveInterval, ownBuilder.Options));
        var plainBuilder = new NpgsqlConnectionStringBuilder(plain);
        Assert.Equal((true, 30, 10), (plainBuilder.TcpKeepAlive, plainBuilder.TcpKeepAliveTime, plainBuilder.TcpKeepAliveInterval));
        Assert.Contains("tcp_keepalives_count=3", plainBuilder.Options, StringComparison.Ordinal);
    }

    /// <summary>The "tr" (timer) column of this process's TCP socket bound to <paramref name="localPort"/>.</summary>
    private static string TcpTimerOf(int localPort)
    {
        var port = localPort.ToString("X4", CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines("/proc/net/tcp").Concat(File.ReadAllLines("/proc/net/tcp6"));
        var socket = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 5 && f[1].EndsWith(":" + port, StringComparison.Ordinal) && f[3] == "01")
            .ToList();
        Assert.Single(socket);
        return socket[0][5].Split(':')[0];
    }
}
