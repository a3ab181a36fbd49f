using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.CrossReferences;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Features.OrganisedAbuse;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>
/// REF-19: a record about this young person names an adult. The tag keeps the source record and what was said; the
/// adult becomes (or already is) a <c>Person</c> link in the persons-of-concern register, under the same lock as any
/// link, so a network across children is flagged (REF-13). The answer lists the other young people whose records name
/// the same adult, so the worker sees at once that this adult is not new.
/// </summary>
public static class TagAdult
{
    public sealed record Request(string? Name, string? SourceKind, string? SourceReference, string? Summary);

    public static async Task<Results<Created<AdultTagResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("name", request.Name, 200)
            .CheckShape(request.SourceKind, request.SourceReference)
            .Required("summary", request.Summary, 4000);
        var value = string.IsNullOrWhiteSpace(request.Name) ? "" : LinkValues.Normalise(LinkKind.Person, request.Name);
        errors.When(!string.IsNullOrWhiteSpace(request.Name) && value.Length == 0, "name", "The name has nothing to match on once normalised.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if ((await errors.CheckResolvesAsync(db, id, request.SourceKind!, request.SourceReference, cancellationToken)).Any)
        {
            return errors.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var tag = AdultTag.Record(id, request.Name!.Trim(), value, request.SourceKind!,
            SourceRecords.Normalise(request.SourceReference)?.ToString(), request.Summary!.Trim(), author);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LinkYoungPerson.LockValueAsync(db, LinkKind.Person, value, cancellationToken);
        db.Set<AdultTag>().Add(tag);
        await LinkYoungPerson.AddLinkAsync(db, outbox, options.Value, id, LinkKind.Person, value, author, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("The adult was linked by someone else at the same time; try again.");
        }
        return TypedResults.Created($"/api/referrals/young-people/{id}/adult-tags",
            AdultTagResponse.From(tag, await AdultTagResponse.OthersNamingAsync(db, id, [value], cancellationToken)));
    }
}
