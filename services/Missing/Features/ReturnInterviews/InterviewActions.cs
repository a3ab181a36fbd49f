using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// The order every interview action answers in, after the request's own fields were checked (400): unknown id 404,
/// wrong state 409 (already finished, not yet offered), a rule broken 422, else the step and its event are saved
/// together. Someone finishing the same interview at the same moment also gets a 409.
/// </summary>
internal static class InterviewActions
{
    public static async Task<Results<Ok<ReturnInterviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ApplyAsync(
        Guid id,
        InterviewAction action,
        MissingDbContext db,
        DateTimeOffset now,
        Func<ReturnInterview, IEnumerable<RuleViolation>> check,
        Action<ReturnInterview> apply,
        CancellationToken cancellationToken,
        Func<ReturnInterview, IEnumerable<DisruptionOption>>? staged = null)
    {
        var interview = await db.ReturnInterviews.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interview is null)
        {
            return TypedResults.NotFound();
        }
        if (interview.ConflictWith(action) is { } conflict)
        {
            return Conflicts.Problem(conflict);
        }
        var errors = new ValidationErrors().Add(check(interview));
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        apply(interview);
        var options = staged?.Invoke(interview).ToList() ?? [];
        db.Set<DisruptionOption>().AddRange(options);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return MissingConflicts.ConcurrentChange();
        }
        return TypedResults.Ok(ReturnInterviewResponse.From(interview, now, options));
    }
}
