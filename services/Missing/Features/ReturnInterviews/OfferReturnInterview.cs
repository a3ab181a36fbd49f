using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>MIS-02: the independent return-home-interview worker records when they offered the interview.</summary>
public static class OfferReturnInterview
{
    public sealed record Request(DateTimeOffset? OfferedAt);

    public static async Task<Results<Ok<ReturnInterviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("offeredAt", request.OfferedAt);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock, [Roles.RhiWorker]);
        return await InterviewActions.ApplyAsync(id, InterviewAction.Offer, db, author.At,
            interview => interview.CheckOffer(request.OfferedAt!.Value, author.At),
            interview => interview.Offer(request.OfferedAt!.Value, author),
            cancellationToken);
    }
}
