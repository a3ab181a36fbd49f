using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.SupportLine.Features.Conversations;

public static class ConversationEndpoints
{
    /// <summary>The duty inbox: support-line operators, outreach workers and their managers.</summary>
    public const string InboxStaff = "SupportLineInbox";
    /// <summary>Duty managers: the worker-phone register, safety decisions.</summary>
    public const string DutyManagers = "SupportLineDutyManagers";
    /// <summary>Alerts are also for police liaison (SL-03).</summary>
    public const string AlertReaders = "SupportLineAlertReaders";
    /// <summary>Access-log subject for a read of a conversation (REC-08): texts may be a child's most sensitive words.</summary>
    public const string ConversationSubject = "supportline-conversation";

    public static readonly string[] InboxRoles = [Roles.SupportLineOperator, Roles.OutreachWorker, Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] DutyManagerRoles = [Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] AlertRoles = [Roles.SupportLineOperator, Roles.OutreachWorker, Roles.TeamManager, Roles.SeniorManager, Roles.PoliceLiaison];

    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supportline").WithTags("Duty inbox");
        group.MapGet("/conversations", ListConversations.HandleAsync).RequireAuthorization(InboxStaff);
        group.MapGet("/conversations/{id:guid}", GetConversation.HandleAsync).RequireAuthorization(InboxStaff)
            .AuditsReadOf(ConversationSubject);
        group.MapPost("/conversations/{id:guid}/replies", ReplyToConversation.HandleAsync).RequireAuthorization(InboxStaff);
        group.MapPost("/conversations/{id:guid}/assign", ConversationActions.AssignAsync).RequireAuthorization(InboxStaff);
        group.MapPost("/conversations/{id:guid}/close", ConversationActions.CloseAsync).RequireAuthorization(InboxStaff);
        group.MapPost("/conversations/{id:guid}/young-person", YoungPersonsWords.IdentifyAsync).RequireAuthorization(InboxStaff);
        group.MapPost("/conversations/{id:guid}/messages/{messageId:guid}/young-persons-views", YoungPersonsWords.MarkAsViewsAsync).RequireAuthorization(InboxStaff);
        group.MapPost("/conversations/{id:guid}/person-of-concern-numbers", ReportPersonOfConcernNumber.HandleAsync).RequireAuthorization(InboxStaff);
        group.MapGet("/alerts", ConversationActions.ListAlertsAsync).RequireAuthorization(AlertReaders);
        group.MapGet("/outbox", ConversationActions.ListOutboundAsync).RequireAuthorization(InboxStaff);
        return app;
    }
}
