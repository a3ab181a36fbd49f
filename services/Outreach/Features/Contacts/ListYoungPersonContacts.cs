using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;

namespace Support.Outreach.Features.Contacts;

/// <summary>
/// A registered young person's outreach contacts, oldest first, including those recorded under an alias that was
/// later matched to them (OUT-02), each with the alias id it was recorded under and the corrections made to it.
/// </summary>
public static class ListYoungPersonContacts
{
    public sealed record Response(Guid YoungPersonId, IReadOnlyList<Guid> Aliases, IReadOnlyList<ContactResponse> Contacts);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(Guid id, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var aliases = await db.AliasMatches.AsNoTracking().Where(m => m.YoungPersonId == id).Select(m => m.AliasId).ToListAsync(cancellationToken);
        if (aliases.Count == 0 && !await db.KnownYoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var contacts = await ContactRecording.ResponsesAsync(db,
            db.Contacts.Where(c => c.YoungPersonId == id || (c.AliasId != null && aliases.Contains(c.AliasId.Value))), cancellationToken);
        return TypedResults.Ok(new Response(id, aliases, contacts));
    }
}
