using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Involvements;

/// <summary>
/// OUT-06's <c>EndOutreachInvolvement</c>: the only way an involvement ends. A rationale, whether the young person was
/// told and what they said (or why they were not told). Within <c>Outreach:EndNeedsManagerWithinMonths</c> (12) of the
/// young person's last disclosure, only a manager may end it ("engaged with victims for over a year", Imray §4.8).
/// </summary>
public static class EndInvolvement
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Reason, bool? YoungPersonTold, string? YoungPersonResponse);

    public static async Task<Results<Ok<InvolvementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, OutreachDbContext db, IOptions<OutreachOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("reason", request.Reason, 2000, required: true, multiline: true)
            .When(request.YoungPersonTold is null, "youngPersonTold", "'youngPersonTold' is required: was the young person told?")
            .Text("youngPersonResponse", request.YoungPersonResponse, 2000, required: true, multiline: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var involvement = await db.Involvements.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (involvement is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var isManager = InvolvementState.Managers.Any(user.IsInRole);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"involvement:" + involvement.YoungPersonId}))", cancellationToken);
        if (await db.InvolvementEndings.AnyAsync(e => e.InvolvementId == id, cancellationToken))
        {
            return Conflicts.Problem("This involvement has already ended.");
        }
        var handovers = await db.InvolvementHandovers.AsNoTracking().Where(h => h.InvolvementId == id).ToListAsync(cancellationToken);
        if (InvolvementState.CurrentWorker(involvement, handovers) != author.UserId && !isManager)
        {
            return TypedResults.Problem(title: "Only the worker holding the involvement, or a manager, may end it.", statusCode: StatusCodes.Status403Forbidden);
        }
        var lastDisclosure = await InvolvementState.LastDisclosureAsync(db, involvement.YoungPersonId, cancellationToken);
        // Calendar months in London: a disclosure on 31 May 2026 protects the involvement until 31 May 2027.
        if (!isManager && lastDisclosure is { } disclosed
            && London.DateOf(author.At) < London.DateOf(disclosed).AddMonths(options.Value.EndNeedsManagerWithinMonths))
        {
            return TypedResults.Problem(
                title: $"Within {options.Value.EndNeedsManagerWithinMonths} months of the young person's last disclosure only a manager may end an involvement (OUT-06).",
                statusCode: StatusCodes.Status403Forbidden);
        }
        db.InvolvementEndings.Add(InvolvementEnding.Record(involvement, request.Reason!.Trim(), request.YoungPersonTold!.Value,
            request.YoungPersonResponse!.Trim(), lastDisclosure, author));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await InvolvementState.ResponsesAsync(db, [involvement], options.Value.NoContactAlertAfter, cancellationToken)).Single());
    }
}
