using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Everything a pack holds as it stands (REC-10): Referrals' own items, then each other service's part in the order the
/// configuration names them, whether every stored part still matches its checksum, and which services have not
/// answered yet. A pack is complete when none is awaited.
/// </summary>
public sealed record PackContents(IReadOnlyList<PackItem> Items, bool Verified, IReadOnlyList<PackContribution> Contributions, IReadOnlyList<string> Awaiting)
{
    public bool Complete => Awaiting.Count == 0;

    /// <summary>The pack as it stands; with <c>receivedUpTo</c>, without the parts that arrived after it (those a released pack did not hold).</summary>
    public static async Task<PackContents> LoadAsync(
        ReferralsDbContext db, DisclosurePack pack, DisclosureOptions options, CancellationToken cancellationToken, DateTimeOffset? receivedUpTo = null)
    {
        var contributions = await db.PackContributions.AsNoTracking()
            .Where(c => c.PackId == pack.Id && (receivedUpTo == null || c.ReceivedAt <= receivedUpTo)).ToListAsync(cancellationToken);
        return Of(pack, contributions, options);
    }

    /// <summary>The pack with the parts given (all of them, read at once for a list of packs).</summary>
    public static PackContents Of(DisclosurePack pack, IEnumerable<PackContribution> parts, DisclosureOptions options)
    {
        var expected = options.Services();
        var order = expected.Select((service, i) => (service, i)).ToDictionary(x => x.service, x => x.i, StringComparer.Ordinal);
        var contributions = parts
            .OrderBy(c => order.GetValueOrDefault(c.Service, expected.Count)).ThenBy(c => c.Service, StringComparer.Ordinal)
            .ToList();
        var items = pack.Items().Concat(contributions.SelectMany(c => c.Items())).ToList();
        var awaiting = expected.Where(s => contributions.All(c => c.Service != s)).ToList();
        return new PackContents(items, pack.Verifies() && contributions.All(c => c.Verifies()), contributions, awaiting);
    }

    /// <summary>The problem detail for acting on a pack that is not complete yet.</summary>
    public string AwaitingDetail => $"The pack still awaits the part of: {string.Join(", ", Awaiting)}. Read it again when they have answered.";
}
