using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Audit;

namespace Support.Therapy.Features.Feedback;

/// <summary>
/// THR-07, SL-07: victims' views of the services they received. Workers record them; an individual answer is read only by
/// the young person's worker and only if they agreed; commissioners see them aggregated per offer (the feedback report).
/// </summary>
public static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/therapy").WithTags("Views of services");
        api.MapPost("/referrals/{referralId:guid}/feedback", RecordFeedback.HandleAsync).RequireAuthorization(Access.FeedbackRecorders)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("RecordServiceFeedback")
            .WithSummary("Record a young person's views of an offer after it started or when it ended: 1-5 scores, their words, and whether their worker may see it.");
        api.MapPost("/feedback/{id:guid}/corrections", CorrectFeedback.HandleAsync).RequireAuthorization(Access.FeedbackRecorders)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("CorrectServiceFeedback")
            .WithSummary("Correct recorded views as a new version with a reason; the corrected version stays, the lists and the report count the latest.");
        api.MapGet("/young-people/{id:guid}/feedback", ListFeedback.HandleAsync).RequireAuthorization(Access.FeedbackRecorders)
            .AuditsReadOf(AccessSubjects.YoungPerson)
            .WithName("ListYoungPersonFeedback")
            .WithSummary("A young person's individual answers: only those they agreed to share, and only for their key worker or whoever took them down (audited read).");
        return app;
    }
}
