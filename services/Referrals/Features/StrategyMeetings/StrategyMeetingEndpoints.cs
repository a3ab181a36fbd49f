using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.StrategyMeetings;

public static class StrategyMeetingEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapStrategyMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/referrals/strategy-meetings").RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings");
        meetings.MapPost("/", DraftStrategyMeeting.HandleAsync).WithName("DraftStrategyMeeting")
            .WithSummary("Start a strategy meeting record (a draft) about one or more young people, optionally linked to their s47 pathways.");
        meetings.MapPut("/{id:guid}", UpdateStrategyMeeting.HandleAsync).WithName("UpdateStrategyMeeting")
            .WithSummary("Save the whole draft again; a finalised meeting is 409 (add an addendum instead).");
        meetings.MapGet("/{id:guid}", GetStrategyMeeting.HandleAsync).WithName("GetStrategyMeeting")
            .WithSummary("One meeting with its tracked actions and addenda.");
        meetings.MapPost("/{id:guid}/finalise", FinaliseStrategyMeeting.HandleAsync).WithName("FinaliseStrategyMeeting")
            .WithSummary("Finalise a complete record; 422 names each missing field (REF-11) and a chair below service manager for organised abuse (REF-13).");
        meetings.MapPost("/{id:guid}/addenda", AddStrategyMeetingAddendum.HandleAsync).WithName("AddStrategyMeetingAddendum")
            .WithSummary("Add a correction or later information to a finalised meeting, as a new entry pointing at it.");

        var actions = app.MapGroup("/api/referrals/strategy-actions").RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings");
        actions.MapGet("/", ListStrategyActions.HandleAsync).WithName("ListStrategyActions")
            .WithSummary("A young person's strategy actions (youngPersonId), and/or only the overdue ones (overdue=true), for one child or overall.");
        actions.MapPost("/{id:guid}/complete", CompleteStrategyAction.HandleAsync).WithName("CompleteStrategyAction")
            .WithSummary("Record that a strategy action was done (REF-11: every action is tracked until completed).");
        actions.MapPost("/{id:guid}/reassignments", ReassignStrategyAction.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ReassignStrategyAction").WithSummary("Give an open action to another active member of staff, with a reason; the history stays (COM-10).");
        actions.MapPost("/{id:guid}/deferrals", DeferStrategyAction.HandleAsync).WithName("DeferStrategyAction")
            .WithSummary("COM-10: move an action's due time later; the original is kept and the action is marked slipped.");

        app.MapGet("/api/referrals/young-people/{id:guid}/strategy-meetings", GetYoungPersonStrategyMeetings.HandleAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings").AuditsReadOf(SubjectType)
            .WithName("GetYoungPersonStrategyMeetings")
            .WithSummary("Every finalised meeting that discussed this child, with this child's decisions and actions (REF-12).");
        return app;
    }

}
