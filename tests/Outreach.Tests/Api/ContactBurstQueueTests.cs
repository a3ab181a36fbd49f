using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Outreach.Tests.Api;

/// <summary>Contacts sent in a burst wait their turn here: one works at a time and one may wait.</summary>
public sealed class ContactBurstQueueFixture : OutreachFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:BurstConcurrency"] = "1",
        ["Limits:BurstQueueLength"] = "1",
    };
}

/// <summary>
/// OUT-01: contacts logged in a burst (a phone's offline queue flushing, many workers after a restart) go through
/// ServiceDefaults' BurstQueue. With the first held up in the database, a third is refused at once with 503 and
/// Retry-After (the app keeps it and sends it again with the same Idempotency-Key), the one waiting never reaches the
/// database, and both accepted contacts are stored once the first is let go.
/// </summary>
public sealed class ContactBurstQueueTests(ContactBurstQueueFixture fixture) : IClassFixture<ContactBurstQueueFixture>
{
    [Fact]
    public async Task Contacts_beyond_those_working_and_waiting_are_refused_with_503_and_retry_after_and_stored_when_sent_again()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-burst");
        var keys = new[] { "burst-1", "burst-2", "burst-3" };
        Task<HttpResponseMessage> held;
        Task<HttpResponseMessage>[] behind;
        await using (var locker = fixture.CreateDbContext())
        {
            await using var transaction = await locker.Database.BeginTransactionAsync();
            await locker.Database.ExecuteSqlRawAsync($"LOCK TABLE {OutreachDbContext.Schema}.contacts IN ACCESS EXCLUSIVE MODE");

            held = worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-20)), keys[0]);
            await BlockedQueries.WaitForAsync(locker, "contacts", 1);
            behind =
            [
                worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-19)), keys[1]),
                worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-18)), keys[2]),
            ];

            // One of the two waits its turn; the other finds the queue full and is answered at once.
            using var refused = await await Task.WhenAny(behind).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.False(held.IsCompleted);
            // The one waiting holds no connection and no lock: only the first is blocked in the database.
            Assert.Equal(1, await BlockedQueries.OnAsync(locker, "contacts"));
        }

        Assert.Equal(HttpStatusCode.Created, (await held).StatusCode);
        var answers = await Task.WhenAll(behind);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var refusedKey = answers[0].StatusCode == HttpStatusCode.Created ? keys[2] : keys[1];
        Assert.Equal(new[] { keys[0], keys.Single(k => k != keys[0] && k != refusedKey) }.Order(), await StoredKeysAsync(keys));

        // Sent again with its key, as the app's offline queue does, the refused contact is stored once.
        using var again = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-18)), refusedKey);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(keys.Order(), await StoredKeysAsync(keys));
    }

    private async Task<List<string>> StoredKeysAsync(string[] keys)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Contacts.Where(c => c.RecordedBy == "ow-burst" && keys.Contains(c.IdempotencyKey!))
            .Select(c => c.IdempotencyKey!).OrderBy(k => k).ToListAsync();
    }
}
