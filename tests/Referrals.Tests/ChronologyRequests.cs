using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Features.Chronology;
using Support.Testing;

namespace Support.Referrals.Tests;

internal static class ChronologyRequests
{
    public static string Path(Guid youngPersonId) => $"/api/referrals/young-people/{youngPersonId}/chronology";

    public static async Task<GetChronology.Response> ChronologyAsync(this HttpClient client, Guid youngPersonId, string query = "") =>
        (await client.GetFromJsonAsync<GetChronology.Response>(Path(youngPersonId) + query, YoungPersonRequests.Json))!;

    public static async Task<VerifyChronology.Response> VerifyAsync(this HttpClient client, Guid youngPersonId) =>
        (await client.GetFromJsonAsync<VerifyChronology.Response>(Path(youngPersonId) + "/verify", YoungPersonRequests.Json))!;

    public static async Task<ChronologyEntryResponse> AddNoteAsync(this HttpClient client, Guid youngPersonId, DateTimeOffset occurredAt, string text, Guid? corrects = null)
    {
        using var response = await client.PostAsJsonAsync(Path(youngPersonId), new { occurredAt, text, corrects });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ChronologyEntryResponse>(YoungPersonRequests.Json))!;
    }

    /// <summary>The in-memory bus of the fixture's host, started (for one consumer's tests).</summary>
    public static async Task<ITestHarness> StartedHarnessAsync(this ReferralsFixture fixture)
    {
        var harness = fixture.Host.Services.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    /// <summary>A young person's chronology rows straight from the database, in chain order.</summary>
    public static async Task<List<ChronologyEntry>> ChronologyEntriesAsync(this ReferralsFixture fixture, Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.ChronologyEntries.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Waits until the young person's chronology has at least <paramref name="count"/> entries.</summary>
    public static Task<List<ChronologyEntry>> WaitForChronologyEntriesAsync(this ReferralsFixture fixture, Guid youngPersonId, int count) =>
        Eventually.GetAsync(async () => await fixture.ChronologyEntriesAsync(youngPersonId) is { } list && list.Count >= count ? list : null,
            because: $"{count} chronology entries for {youngPersonId}");
}
