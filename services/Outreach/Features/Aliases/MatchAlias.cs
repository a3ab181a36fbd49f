using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Contracts.Outreach;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Contacts;
using Support.Outreach.Features.Information;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Aliases;

/// <summary>
/// OUT-02: a worker confirms that an alias is a registered young person, with a reason. The match is a recorded action
/// (who, when, why); the alias is kept and stays searchable; everything recorded under it now shows on the young
/// person's record, and each of its contacts reaches their Referrals chronology. An alias is matched once: a second
/// match is a 409 (a retry of the same match returns it, 200).
/// </summary>
public static class MatchAlias
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(Guid? YoungPersonId, string? Reason);

    public static async Task<Results<Created<AliasResponse>, Ok<AliasResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, OutreachDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Text("reason", request.Reason, 2000, required: true, multiline: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var alias = await db.Aliases.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alias is null)
        {
            return TypedResults.NotFound();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        if (await db.AliasMatches.AsNoTracking().SingleOrDefaultAsync(m => m.AliasId == id, cancellationToken) is { } existing)
        {
            return existing.YoungPersonId == youngPersonId
                ? TypedResults.Ok(AliasResponse.From(alias, existing))
                : AlreadyMatched(existing);
        }
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            return errors.Add("youngPersonId", "No young person with this id is known to the Outreach service.").ToUnprocessable();
        }

        var author = user.ToAuthor(clock);
        var match = AliasMatch.Confirm(alias, youngPersonId, request.Reason!.Trim(), author);
        db.AliasMatches.Add(match);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.AliasId == id).OrderBy(c => c.ContactedAt).ToListAsync(cancellationToken);
        outbox.Add(new OutreachAliasMatched
        {
            AliasId = alias.Id,
            YoungPersonId = youngPersonId,
            ContactCount = contacts.Count,
            MatchedBy = author.UserId,
            OccurredAt = author.At,
        });
        foreach (var contact in contacts)
        {
            outbox.Add(ContactRecording.Announcement(contact, youngPersonId));
        }
        // INT-02: what was recorded under the alias now names things about a registered young person.
        var items = await db.InformationItems.AsNoTracking().Include(i => i.Mentions).Where(i => i.AliasId == id).ToListAsync(cancellationToken);
        await PersonOfConcernProposals.ProposeAsync(db, outbox, items, youngPersonId, author, cancellationToken);
        // OUT-08: the alias's contacts now count as the young person's (one young person, not two) in the hotspot
        // counts, recounted from the match's own commit on.
        HotspotCounting.Queue(db, youngPersonId, alias.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var raced = await db.AliasMatches.AsNoTracking().SingleAsync(m => m.AliasId == id, cancellationToken);
            return raced.YoungPersonId == youngPersonId ? TypedResults.Ok(AliasResponse.From(alias, raced)) : AlreadyMatched(raced);
        }
        return TypedResults.Created($"/api/outreach/aliases/{alias.Id}", AliasResponse.From(alias, match));
    }

    private static ProblemHttpResult AlreadyMatched(AliasMatch existing) => Conflicts.Problem(
        "This alias is already matched to another young person.",
        "A mistaken match is corrected by a manager, not by matching again.",
        new Dictionary<string, object?> { ["youngPersonId"] = existing.YoungPersonId });
}
