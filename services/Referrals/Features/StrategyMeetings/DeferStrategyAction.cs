using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>
/// COM-10: a strategy action slips honestly. Moving its due time needs a reason, keeps the date agreed at the meeting,
/// marks the action slipped, counts the deferrals and is a new row (and a chronology entry), never an edit; RAG stays
/// judged against the original date. A completed action cannot be deferred (409); a new time that is not later than
/// the current one, or more than a year ahead, is a 422 naming <c>dueAt</c>.
/// </summary>
public static class DeferStrategyAction
{
    public sealed record Request(DateTimeOffset? DueAt, string? Reason);

    public static async Task<Results<Created<StrategyActionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, IOutbox outbox, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("dueAt", request.DueAt).Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var action = await db.StrategyActions.Include(a => a.Completion).Include(a => a.Deferrals).Include(a => a.Reassignments).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        StrategyActionDeferral deferral;
        try
        {
            deferral = action.Defer(request.DueAt!.Value.ToUniversalTime(), request.Reason!.Trim(), author);
        }
        catch (Domain.DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        catch (RuleViolationException violation)
        {
            return errors.Add(violation.Violation.Field, violation.Violation.Message).ToUnprocessable();
        }
        outbox.Add(new StrategyActionDeferred
        {
            ActionId = action.Id,
            MeetingId = action.MeetingId,
            YoungPersonId = action.YoungPersonId,
            OriginalDueAt = action.DueAt,
            FromDueAt = deferral.FromDueAt,
            ToDueAt = deferral.ToDueAt,
            Deferrals = deferral.Number,
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two deferrals at once read the same due time: the second must not silently win (unique action and number).
            return Conflicts.Problem("The action was deferred by someone else at the same time: reload it and try again.");
        }
        return TypedResults.Created($"/api/referrals/strategy-actions?youngPersonId={action.YoungPersonId}", StrategyActionResponse.From(action, author.At));
    }
}
