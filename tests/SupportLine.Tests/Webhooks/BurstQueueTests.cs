using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.SupportLine.Data;
using Support.Testing;

namespace Support.SupportLine.Tests.Webhooks;

/// <summary>
/// Twilio's deliveries wait their turn (ServiceDefaults' BurstQueue): here one works at a time and one may wait, so
/// with the first held up in the database a third is refused at once with 503 and Retry-After, the one waiting never
/// reaches the database, and both accepted texts are stored once the first is let go.
/// </summary>
public sealed class BurstQueueTests : SupportLineFixture
{
    protected override Task ConfigureAsync(IDictionary<string, string?> settings)
    {
        settings["Limits:BurstConcurrency"] = "1";
        settings["Limits:BurstQueueLength"] = "1";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Texts_beyond_those_working_and_waiting_are_refused_with_503_and_retry_after_and_the_rest_are_stored_in_turn()
    {
        var (first, second, third) = (NewMobile(), NewMobile(), NewMobile());
        Task<HttpResponseMessage> held;
        Task<HttpResponseMessage>[] behind;
        await using (var locker = CreateDbContext())
        {
            await using var transaction = await locker.Database.BeginTransactionAsync();
            await locker.Database.ExecuteSqlRawAsync($"LOCK TABLE {SupportLineDbContext.Schema}.inbound_messages IN ACCESS EXCLUSIVE MODE");

            held = TextAsync(first, "is anyone there");
            await BlockedQueries.WaitForAsync(locker, "inbound_messages", 1);
            behind = [TextAsync(second, "hello?"), TextAsync(third, "hello??")];

            // One of the two waits its turn; the other finds the queue full and is answered at once.
            var refused = await await Task.WhenAny(behind).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
            Assert.Contains("Busy", await refused.Content.ReadAsStringAsync());
            Assert.False(held.IsCompleted);
            // The one waiting holds no connection and no lock: only the first is blocked in the database.
            Assert.Equal(1, await BlockedQueries.OnAsync(locker, "inbound_messages"));
        }

        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        var answers = await Task.WhenAll(behind);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await using var db = CreateDbContext();
        var stored = await db.InboundMessages.Where(m => m.From == first || m.From == second || m.From == third).Select(m => m.From).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Contains(first, stored);
        // The refused text is Twilio's to deliver again; when it does, it is stored.
        var refusedFrom = answers[0].StatusCode == HttpStatusCode.OK ? third : second;
        Assert.DoesNotContain(refusedFrom, stored);
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(refusedFrom, "hello again")).StatusCode);
    }
}
