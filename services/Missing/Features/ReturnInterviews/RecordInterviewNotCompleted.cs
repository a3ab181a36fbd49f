using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// MIS-02: an interview that did not take place for a reason other than the young person's refusal. Only a team or
/// senior manager can close it this way: the request is their sign-off, recorded with their id and role.
/// </summary>
public static class RecordInterviewNotCompleted
{
    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<ReturnInterviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, MissingDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var manager = user.ToAuthor(clock, ReturnInterview.SignOffRoles);
        return await InterviewActions.ApplyAsync(id, InterviewAction.RecordNotCompleted, db, manager.At,
            _ => [],
            interview =>
            {
                interview.RecordNotCompleted(request.Reason!, manager);
                outbox.Add(DeclineReturnInterview.NotHeld(interview, manager.At));
            },
            cancellationToken);
    }
}
