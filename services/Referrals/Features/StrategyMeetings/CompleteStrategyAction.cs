using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>Records that a strategy action was done (REF-11: every action is tracked until completed).</summary>
public static class CompleteStrategyAction
{
    public sealed record Request(string? Note);

    public static async Task<Results<Ok<StrategyActionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request? request, ReferralsDbContext db, IOutbox outbox, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().MaxLength("note", request?.Note, 4000);
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
        try
        {
            var completion = action.Complete(string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim(), author);
            db.StrategyActionCompletions.Add(completion);
            outbox.Add(new StrategyActionCompleted
            {
                ActionId = action.Id,
                MeetingId = action.MeetingId,
                YoungPersonId = action.YoungPersonId,
                CompletedLate = completion.Late,
                RecordedBy = author.UserId,
                OccurredAt = author.At,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflicts.Problem("The action was completed by someone else at the same time.");
        }
        return TypedResults.Ok(StrategyActionResponse.From(action, author.At));
    }
}
