using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Support.Testing;

/// <summary>
/// Queries of a test's database waiting for a lock on one table: how a test that holds a table lock knows which
/// requests reached the database and which are still waiting elsewhere (a queue in front of it, for example).
/// </summary>
public static class BlockedQueries
{
    /// <summary>How many queries in this database wait for a lock on <paramref name="table"/>.</summary>
    public static Task<int> OnAsync(DbContext db, string table) => db.Database.SqlQuery<int>(
        $"""
        SELECT count(*)::int AS "Value" FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE NOT l.granted AND c.relname = {table} AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """).SingleAsync();

    /// <summary>Waits (up to 30 s) until at least <paramref name="count"/> queries wait for a lock on <paramref name="table"/>.</summary>
    public static async Task WaitForAsync(DbContext db, string table, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await OnAsync(db, table) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} queries were blocked on {table} within 30 s");
            await Task.Delay(20);
        }
    }
}
