using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Information;

/// <summary>
/// Item 4 of the Outreach issue, INT-01, INT-02: one register of persons of concern, fed from the street. Every
/// person, nickname, vehicle, phone or address an item about a registered young person names is proposed to Referrals
/// (<c>ProposePersonOfConcernLink</c>, through the outbox in the same transaction); a person there confirms it.
/// </summary>
public static class PersonOfConcernProposals
{
    /// <summary>Stages a proposal for each linkable mention not yet proposed; the caller saves.</summary>
    public static async Task<int> ProposeAsync(
        OutreachDbContext db, IOutbox outbox, IReadOnlyList<InformationItem> items, Guid youngPersonId, Author author, CancellationToken cancellationToken)
    {
        var mentions = items.SelectMany(i => i.Mentions.Where(m => MentionLinkProposal.Linkable.Contains(m.Kind)).Select(m => (Item: i, Mention: m))).ToList();
        if (mentions.Count == 0)
        {
            return 0;
        }
        var ids = mentions.Select(m => m.Mention.Id).ToList();
        var already = await db.MentionLinkProposals.AsNoTracking().Where(p => ids.Contains(p.MentionId)).Select(p => p.MentionId).ToListAsync(cancellationToken);
        var proposed = 0;
        foreach (var (item, mention) in mentions.Where(m => !already.Contains(m.Mention.Id)))
        {
            var (proposal, command) = MentionLinkProposal.Propose(item, mention, youngPersonId, author);
            db.MentionLinkProposals.Add(proposal);
            outbox.Add(command);
            proposed++;
        }
        return proposed;
    }

    /// <summary>The registered young person an item is about: its own, or its alias's match (OUT-02).</summary>
    public static async Task<Guid?> YoungPersonOfAsync(OutreachDbContext db, Guid? youngPersonId, Guid? aliasId, CancellationToken cancellationToken) =>
        youngPersonId ?? (aliasId is { } alias
            ? await db.AliasMatches.AsNoTracking().Where(m => m.AliasId == alias).Select(m => (Guid?)m.YoungPersonId).SingleOrDefaultAsync(cancellationToken)
            : null);

    /// <summary>Where each proposed mention of these items stands, by mention id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, MentionLinkResponse>> LinksAsync(OutreachDbContext db, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken)
    {
        var rows = await db.MentionLinkProposals.AsNoTracking().Where(p => itemIds.Contains(p.ItemId))
            .GroupJoin(db.MentionLinkOutcomes.AsNoTracking(), p => p.MentionId, o => o.MentionId, (p, o) => new { p, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { x.p, o })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.p.MentionId, r => MentionLinkResponse.From(r.p, r.o));
    }
}
