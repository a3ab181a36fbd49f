using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.RiskReviews;

public static class RiskReviewEndpoints
{
    public static IEndpointRouteBuilder MapRiskReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/risk-reviews").RequireAuthorization(Policies.CaseStaff).WithTags("Risk reviews");
        group.MapGet("/", ListRiskReviews.HandleAsync).WithName("ListRiskReviews").WithSummary("A young person's risk reviews, or every open review overdue (overdue=true) or due later today in London (dueToday=true) (audited)");
        group.MapGet("/{id:guid}", GetRiskReview.HandleAsync).WithName("GetRiskReview")
            .WithSummary("One risk review with every trigger since the previous completed review and its outcome (audited)");
        group.MapPost("/", OpenRiskReview.HandleAsync).WithName("OpenRiskReview").WithSummary("Open a risk review by hand, with a reason (REF-16)");
        group.MapPost("/{id:guid}/owner", AssignRiskReviewOwner.HandleAsync).WithName("AssignRiskReviewOwner").WithSummary("Give an open risk review an owner");
        group.MapPost("/{id:guid}/complete", CompleteRiskReview.HandleAsync).WithName("CompleteRiskReview")
            .WithSummary("Complete a risk review with a level, rationale and actions; a lowered level waits for a manager (REF-15, REF-16)");
        return app;
    }
}
