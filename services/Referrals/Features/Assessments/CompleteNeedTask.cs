using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Features.UnmetNeeds;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: a need task ends once (409 the second time), by the key worker it was given to or a manager (403 for anyone
/// else): the referral was made (what, to whom), or none could be and the need is recorded as unmet with its reason,
/// announced with <c>UnmetNeedRecorded</c> so the platform's one ledger counts it (COM-05).
/// </summary>
public static class CompleteNeedTask
{
    public sealed record Request(NeedTaskOutcome? Outcome, string? Detail, UnmetNeedReason? UnmetNeedReason);

    public static async Task<Results<Ok<NeedTaskView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("outcome", request.Outcome).Required("detail", request.Detail, 2000)
            .When(request.Outcome == NeedTaskOutcome.UnmetNeed && request.UnmetNeedReason is null, "unmetNeedReason", "An unmet need needs its reason (COM-05).")
            .When(request.Outcome == NeedTaskOutcome.ReferralMade && request.UnmetNeedReason is not null, "unmetNeedReason", "Only an unmet need has an unmet-need reason.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var task = await db.Set<AssessmentNeedTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        var manager = user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.SeniorManager);
        if (!manager && task.AssignedTo != user.UserId())
        {
            return TypedResults.Forbid();
        }
        if (await db.Set<AssessmentNeedTaskCompletion>().AnyAsync(c => c.TaskId == id, cancellationToken))
        {
            return Conflicts.Problem("This task has already been completed.");
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        var completion = AssessmentNeedTaskCompletion.Of(task, request.Outcome!.Value, request.Detail!, request.UnmetNeedReason, author);
        db.Set<AssessmentNeedTaskCompletion>().Add(completion);
        if (completion.UnmetNeedId is { } unmetNeedId)
        {
            db.RecordUnmetNeed(outbox, UnmetNeed.Record(task.YoungPersonId, task.Category, completion.UnmetNeedReason!.Value, UnmetNeedSource.NeedTask, task.Id,
                author, unmetNeedId));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("This task has already been completed.");
        }
        return TypedResults.Ok(NeedTaskView.From(task, completion, author.At));
    }
}
