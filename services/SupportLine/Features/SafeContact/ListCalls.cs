using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>
/// The calls placed to a young person, newest first, with how far each got (Twilio's call status, moved by its
/// callbacks): so the worker sees "no-answer" or "busy" rather than a call that looks placed for ever. Numbers are left
/// out: the screen does not need them (SL-06).
/// </summary>
public static class ListCalls
{
    public sealed record CallView(
        Guid Id, string Status, int? ErrorCode, string RequestedBy, LondonTime RequestedAt, LondonTime? AnsweredAt, LondonTime? EndedAt, int? DurationSeconds);

    public static async Task<IResult> HandleAsync(Guid id, SupportLineDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Set<Support.Registry.KnownYoungPerson>().AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var calls = await db.OutboundCalls.AsNoTracking().Where(c => c.YoungPersonId == id)
            .OrderByDescending(c => c.RequestedAt).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(calls.Select(c => new CallView(c.Id, c.Status, c.ErrorCode, c.RequestedBy, LondonTime.Of(c.RequestedAt),
            LondonTime.Of(c.AnsweredAt), LondonTime.Of(c.EndedAt), c.DurationSeconds)).ToList());
    }
}
