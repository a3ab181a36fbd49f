using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Testing;

namespace Support.Referrals.Tests;

internal static class DisclosureRequests
{
    /// <summary>The services Referrals awaits a part of a pack from, by default (<c>Disclosure:ContributingServices</c>).</summary>
    public static readonly string[] ContributingServices = ["missing", "outreach", "supportline", "therapy", "leavingcare"];

    /// <summary>
    /// Every other service answers a pack over the fixture's bus, as their consumers would: the records given for a
    /// service, nothing for the rest. Waits until Referrals holds every part.
    /// </summary>
    public static async Task CompletePackAsync(this ReferralsFixture fixture, Guid packId, Guid youngPersonId,
        params (string Service, DisclosedRecord[] Records)[] parts)
    {
        var harness = await fixture.StartedHarnessAsync();
        foreach (var service in ContributingServices)
        {
            await harness.Bus.Publish(new DisclosurePackContributed
            {
                PackId = packId, YoungPersonId = youngPersonId, Service = service,
                Records = parts.Where(p => p.Service == service).SelectMany(p => p.Records).ToList(), OccurredAt = fixture.Clock.GetUtcNow(),
            });
        }
        await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.PackContributions.CountAsync(c => c.PackId == packId) == ContributingServices.Length;
        }, because: $"every service's part of pack {packId}");
    }
}
