using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Information;

/// <summary>
/// OUT-03, INT-06: what happened to an item. A disposition (shared with police, linked to a person of concern, added to
/// a strategy meeting, or no action with a reason) meets the 5-working-day deadline; a police outcome (no further
/// action included) is recorded with its reason and the item stays, unchanged and visible. Entries are only added.
/// </summary>
public static class RecordInformationEvent
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Kind, string? Reason, string? Reference);

    public static async Task<Results<Created<InformationItemResponse>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = errors.Named<InformationEventKind>("kind", request.Kind, required: true);
        errors.Text("reason", request.Reason, 2000, required: kind is InformationEventKind.NoAction or InformationEventKind.PoliceOutcome, multiline: true)
            .Text("reference", request.Reference, 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var item = await db.InformationItems.AsNoTracking().Include(i => i.Mentions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        db.InformationItemEvents.Add(InformationItemEvent.Record(item, kind!.Value, Input.Clean(request.Reason), Input.Clean(request.Reference), author));
        await db.SaveChangesAsync(cancellationToken);
        var history = await db.InformationItemEvents.AsNoTracking().Where(e => e.ItemId == id).ToListAsync(cancellationToken);
        return TypedResults.Created($"/api/outreach/information-items/{id}", InformationItemResponse.From(item, history, author.At, await PersonOfConcernProposals.LinksAsync(db, [id], cancellationToken)));
    }
}
