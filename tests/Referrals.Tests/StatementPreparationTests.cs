using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Support.Referrals.Data;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 17: a service's repeated statements are prepared on its connections (<see cref="StatementPreparation"/>), so
/// PostgreSQL does not parse and plan the inbox insert and the projections' upserts again for every message.
/// </summary>
public sealed class StatementPreparationTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task A_query_the_service_runs_twice_on_a_connection_is_prepared_on_the_server()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await db.Database.OpenConnectionAsync();
        var probe = Guid.NewGuid();

        Assert.Equal(0, await PreparedCountAsync(db));
        for (var run = 0; run < StatementPreparation.MinUsages; run++)
        {
            await db.YoungPeople.Where(y => y.Id == probe).CountAsync();
        }

        Assert.Equal(1, await PreparedCountAsync(db));
    }

    [Fact]
    public void Preparation_an_operator_set_in_the_connection_string_is_kept()
    {
        var own = new NpgsqlConnectionStringBuilder(StatementPreparation.Apply("Host=db;Max Auto Prepare=5;Auto Prepare Min Usages=7"));
        var plain = new NpgsqlConnectionStringBuilder(StatementPreparation.Apply("Host=db"));

        Assert.Equal((5, 7), (own.MaxAutoPrepare, own.AutoPrepareMinUsages));
        Assert.Equal((StatementPreparation.MaxPrepared, StatementPreparation.MinUsages), (plain.MaxAutoPrepare, plain.AutoPrepareMinUsages));
    }

    /// <summary>Statements prepared on this session that read the young people (the probe's table), this one aside.</summary>
    private static async Task<int> PreparedCountAsync(ReferralsDbContext db)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_prepared_statements WHERE statement ILIKE '%young_people%' AND statement NOT ILIKE '%pg_prepared_statements%'", (NpgsqlConnection)db.Database.GetDbConnection());
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
