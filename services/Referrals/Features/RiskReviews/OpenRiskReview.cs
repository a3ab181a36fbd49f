using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Consumers;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>REF-16: a risk review opened by hand, with a reason.</summary>
public static class OpenRiskReview
{
    public sealed record Request(Guid? YoungPersonId, string? Reason, List<RiskIndicator>? Indicators);

    public static async Task<Results<Created<RiskReviewResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("youngPersonId", request.YoungPersonId)
            .Required("reason", request.Reason, 2000)
            .When(request.Indicators?.Count > 100, "indicators", "'indicators' has too many items.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        var author = user.ToAuthor(clock);
        var dateOfBirth = await db.DateOfBirthOfAsync(youngPersonId, cancellationToken);
        if (dateOfBirth is not { } born)
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        var review = RiskReview.OpenManually(youngPersonId, request.Reason!.Trim(), request.Indicators ?? [],
            YoungPerson.AgeOn(born, London.DateOf(author.At)), author);
        db.RiskReviews.Add(review);
        outbox.Add(RiskReviewOpening.Opened(review));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/risk-reviews/{review.Id}", RiskReviewResponse.From(review, author.At));
    }
}
