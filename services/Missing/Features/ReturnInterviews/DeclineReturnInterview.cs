using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Missing;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>MIS-02: the young person said no to the offered interview; their reason is recorded and the refusal announced, never silent.</summary>
public static class DeclineReturnInterview
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
        var author = user.ToAuthor(clock, [Roles.RhiWorker]);
        return await InterviewActions.ApplyAsync(id, InterviewAction.Decline, db, author.At,
            _ => [],
            interview =>
            {
                interview.Decline(request.Reason!, author);
                outbox.Add(NotHeld(interview, author.At));
            },
            cancellationToken);
    }

    internal static ReturnInterviewNotHeld NotHeld(ReturnInterview interview, DateTimeOffset at) => new()
    {
        InterviewId = interview.Id,
        EpisodeId = interview.EpisodeId,
        YoungPersonId = interview.YoungPersonId,
        Outcome = interview.Status.ToString(),
        OccurredAt = at,
    };
}
