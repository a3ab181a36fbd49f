using Support.ServiceDefaults.Auth;

namespace Support.Missing.Features.ReturnInterviews;

public static class ReturnInterviewEndpoints
{
    /// <summary>MIS-02: the interview is the independent provider's (the RHI worker's) to offer, hold and record as declined.</summary>
    public const string RhiWorkers = nameof(RhiWorkers);

    public static IEndpointRouteBuilder MapReturnInterviewEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var group = app.MapGroup("/api/missing/return-interviews").RequireAuthorization(Policies.CaseStaff).WithTags("Return-home interviews");
        group.MapGet("/", ListOpenReturnInterviews.HandleAsync);
        group.MapGet("/{id:guid}", GetReturnInterview.HandleAsync);
        group.MapPost("/{id:guid}/offer", OfferReturnInterview.HandleAsync).RequireAuthorization(RhiWorkers);
        group.MapPost("/{id:guid}/complete", CompleteReturnInterview.HandleAsync).RequireAuthorization(RhiWorkers);
        group.MapPost("/{id:guid}/decline", DeclineReturnInterview.HandleAsync).RequireAuthorization(RhiWorkers);
        // MIS-02: whoever hears it (police liaison, the social worker) records the police's refusal; the interview carries on.
        group.MapPost("/{id:guid}/police-refusal", RecordPoliceRefusal.HandleAsync);
        // The manager's sign-off (MIS-02) is the request itself, so only team and senior managers may make it.
        group.MapPost("/{id:guid}/not-completed", RecordInterviewNotCompleted.HandleAsync).RequireAuthorization(Policies.TeamManagers);
        return app;
    }
}
