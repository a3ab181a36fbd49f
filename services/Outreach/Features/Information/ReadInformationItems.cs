using System.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Audit;

namespace Support.Outreach.Features.Information;

/// <summary>Reads of information items: one, a young person's (with those under a matched alias), and the overdue list for managers.</summary>
public static class ReadInformationItems
{
    public static async Task<Results<Ok<InformationItemResponse>, NotFound>> GetAsync(
        Guid id, OutreachDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var item = await db.InformationItems.AsNoTracking().Include(i => i.Mentions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }
        var youngPersonId = item.YoungPersonId ?? await db.AliasMatches.AsNoTracking()
            .Where(m => m.AliasId == item.AliasId).Select(m => (Guid?)m.YoungPersonId).SingleOrDefaultAsync(cancellationToken);
        if (youngPersonId is { } subject)
        {
            await accessLog.RecordAsync(AccessSubjects.YoungPerson, [subject], AccessActions.Read, cancellationToken);
        }
        return TypedResults.Ok((await ResponsesAsync(db, [item], clock.GetUtcNow(), cancellationToken)).Single());
    }

    /// <summary>OUT-02, OUT-03: every item about the young person, those recorded under a matched alias included, oldest first.</summary>
    public static async Task<Results<Ok<List<InformationItemResponse>>, NotFound>> ForYoungPersonAsync(
        Guid id, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var aliases = await db.AliasMatches.AsNoTracking().Where(m => m.YoungPersonId == id).Select(m => m.AliasId).ToListAsync(cancellationToken);
        if (aliases.Count == 0 && !await db.KnownYoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var items = await db.InformationItems.AsNoTracking().Include(i => i.Mentions)
            .Where(i => i.YoungPersonId == id || (i.AliasId != null && aliases.Contains(i.AliasId.Value)))
            .OrderBy(i => i.ReceivedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ResponsesAsync(db, items, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>OUT-03: items with no disposition whose 5 working days have passed, most overdue first, for managers.</summary>
    public static async Task<Ok<List<InformationItemResponse>>> OverdueAsync(OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await db.InformationItems.AsNoTracking().Include(i => i.Mentions)
            .Where(i => i.DispositionDueAt <= now
                && !db.InformationItemEvents.Any(e => e.ItemId == i.Id && e.Kind != InformationEventKind.PoliceOutcome))
            .OrderBy(i => i.DispositionDueAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ResponsesAsync(db, items, now, cancellationToken));
    }

    private static async Task<List<InformationItemResponse>> ResponsesAsync(OutreachDbContext db, IReadOnlyList<InformationItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Id).ToList();
        // One snapshot for the history and the links: a link decision writes its outcome and the item's history entry
        // in one transaction (PersonOfConcernLinkDecidedConsumer), and two reads at READ COMMITTED could show the link
        // confirmed with its history entry missing (a clean clone's end-to-end run caught exactly that).
        await using var snapshot = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        var events = await db.InformationItemEvents.AsNoTracking().Where(e => ids.Contains(e.ItemId)).ToListAsync(cancellationToken);
        var links = await PersonOfConcernProposals.LinksAsync(db, ids, cancellationToken);
        if (snapshot is not null)
        {
            await snapshot.CommitAsync(cancellationToken);
        }
        return [.. items.Select(i => InformationItemResponse.From(i, [.. events.Where(e => e.ItemId == i.Id)], now, links))];
    }
}
