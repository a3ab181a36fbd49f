using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// MIS-02, Casey-Y: "She asks the police to conduct a 'return to home' interview ... The police refuse, stating it would
/// all be logged as 'intelligence'." The refusal is recorded with its reason and shown on the interview, and nothing
/// else changes: the interview stays with the commissioned provider, due at the same time, and goes overdue like any
/// other. Once per interview (409 after); 422 for a refusal before the return or in the future.
/// </summary>
public static class RecordPoliceRefusal
{
    public sealed record Request(DateTimeOffset? RefusedAt, string? Reason);

    public static async Task<Results<Ok<ReturnInterviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("refusedAt", request.RefusedAt).Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var interview = await db.ReturnInterviews.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interview is null)
        {
            return TypedResults.NotFound();
        }
        if (interview.PoliceRefusedAt is not null)
        {
            return Conflicts.Problem("A police refusal is already recorded on this interview.");
        }
        var author = user.ToAuthor(clock);
        if (errors.Add(interview.CheckPoliceRefusal(request.RefusedAt!.Value, author.At)).Any)
        {
            return errors.ToUnprocessable();
        }
        interview.RecordPoliceRefusal(request.RefusedAt.Value, request.Reason!, author);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return MissingConflicts.ConcurrentChange();
        }
        var options = await db.Set<DisruptionOption>().AsNoTracking().Where(o => o.InterviewId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ReturnInterviewResponse.From(interview, author.At, options));
    }
}
