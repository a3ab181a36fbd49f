using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Involvements;

/// <summary>OUT-06, OUT-11: the relationship that continues, handed straight to a colleague, ended only by a recorded decision; and the no-contact alert.</summary>
public static class InvolvementEndpoints
{
    public static IEndpointRouteBuilder MapInvolvementEndpoints(this IEndpointRouteBuilder app)
    {
        var involvements = app.MapGroup("/api/outreach/involvements").RequireAuthorization(Policies.CaseStaff).WithTags("Involvements")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        involvements.MapPost("/", StartInvolvement.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("StartInvolvement").WithSummary("Record an outreach worker's involvement with a young person, since a date (OUT-06)");
        involvements.MapGet("/{id:guid}", ReadInvolvements.GetAsync)
            .WithName("GetInvolvement").WithSummary("One involvement with its handovers, ending, last contact and no-contact due instant (audited read)");
        involvements.MapPost("/{id:guid}/handover", HandOverInvolvement.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("HandOverInvolvement").WithSummary("Hand the involvement straight to a named colleague in the team (OUT-11)");
        involvements.MapPost("/{id:guid}/end", EndInvolvement.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("EndInvolvement").WithSummary("End the involvement with a rationale, recording that the young person was told and what they said (OUT-06)");

        app.MapGet("/api/outreach/young-people/{id:guid}/involvements", ReadInvolvements.ForYoungPersonAsync)
            .RequireAuthorization(Policies.CaseStaff).AuditsReadOf(AccessSubjects.YoungPerson).WithTags("Involvements")
            .WithName("ListYoungPersonInvolvements").WithSummary("Every involvement with the young person, open and ended");
        app.MapGet("/api/outreach/my/involvements", ReadInvolvements.MineAsync)
            .RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Involvements")
            .WithName("MyInvolvements").WithSummary("The open involvements the signed-in worker holds, longest without contact first");
        app.MapGet("/api/outreach/my/alerts", ReadNoContactAlerts.MineAsync)
            .RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Involvements")
            .WithName("MyNoContactAlerts").WithSummary("No-contact alerts addressed to the signed-in worker, newest first (OUT-06)");
        app.MapGet("/api/outreach/alerts/no-contact", ReadNoContactAlerts.AllAsync)
            .RequireAuthorization(Policies.TeamManagers).WithTags("Involvements")
            .WithName("NoContactAlerts").WithSummary("Every no-contact alert, newest first, for managers (OUT-06)");
        return app;
    }
}
