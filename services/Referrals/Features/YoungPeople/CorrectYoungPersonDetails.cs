using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>A correction replaces the current details with a new version that points at the old one (REC-05).</summary>
public static class CorrectYoungPersonDetails
{
    public sealed record Request(PersonDetailsInput? Details, string? Reason);

    public static async Task<Results<Created<YoungPersonResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 1000);
        if (request.Details is null)
        {
            errors.Add("details", "'details' is required.");
        }
        var details = request.Details is null ? null : PersonDetailsValidation.Validate(request.Details, errors);
        if (details is null || errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        PersonDetailsValidation.CheckRules(details, DateOnly.FromDateTime(author.At.UtcDateTime), errors);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var person = await db.YoungPeople.Include(p => p.Details).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var correction = person.Correct(details, request.Reason!, author);
        outbox.Add(RegistryEvents.Corrected(correction, author.At));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(
                title: "The details were corrected by someone else at the same time.",
                detail: "Reload the young person and apply your correction to the latest version.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/referrals/young-people/{person.Id}", YoungPersonResponse.From(person));
    }
}
