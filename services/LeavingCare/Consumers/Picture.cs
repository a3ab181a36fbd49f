using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Consumers;

/// <summary>Helpers the consumers share to keep the living picture (issue 5, point 1).</summary>
internal static class Picture
{
    /// <summary>The picture row, started if this is the first we hear of the young person (events can arrive in any order).</summary>
    public static async Task<YoungPersonPicture> GetOrStartAsync(LeavingCareDbContext db, Guid youngPersonId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Started earlier in this same message (not yet saved), or stored before.
        if (db.Pictures.Local.FirstOrDefault(p => p.YoungPersonId == youngPersonId) is { } local)
        {
            return local;
        }
        if (await db.Pictures.SingleOrDefaultAsync(p => p.YoungPersonId == youngPersonId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var started = YoungPersonPicture.Start(youngPersonId, now);
        db.Pictures.Add(started);
        return started;
    }

    /// <summary>Adds a fact once: a re-sent event (new MessageId, same reference) does not add it twice.</summary>
    public static async Task AddFactAsync(LeavingCareDbContext db, PictureEvent fact, CancellationToken cancellationToken)
    {
        var exists = await db.PictureEvents.AnyAsync(
            e => e.YoungPersonId == fact.YoungPersonId && e.Kind == fact.Kind && e.ReferenceId == fact.ReferenceId, cancellationToken);
        if (!exists && !db.PictureEvents.Local.Any(e => e.YoungPersonId == fact.YoungPersonId && e.Kind == fact.Kind && e.ReferenceId == fact.ReferenceId))
        {
            await GetOrStartAsync(db, fact.YoungPersonId, fact.RecordedAt, cancellationToken);
            db.PictureEvents.Add(fact);
        }
    }
}
