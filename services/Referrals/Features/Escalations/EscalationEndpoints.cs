using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21 professional dissent and escalation: anyone in the case team lodges one against a decision about a young
/// person; team and senior managers answer it, note procedural defects beside it and see the open ones with their age.
/// </summary>
public static class EscalationEndpoints
{
    public static WebApplicationBuilder AddEscalations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section)
            .Validate(o => o.IsValid(), "Escalations: ResponseWorkingDays from 1 to 20.")
            .ValidateOnStart();
        builder.Services.AddDeadlineJob<EscalationResponseOverdueJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEscalationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/referrals/young-people/{id:guid}/escalations", LodgeEscalation.HandleAsync).RequireAuthorization(Policies.CaseStaff)
            .WithTags("Escalations").WithName("LodgeEscalation")
            .WithSummary("Lodge an escalation against a decision about this young person; it goes to a reviewer above the decision-maker (REF-21)")
            // REF-21: an escalation is never refused on procedure, so a school or carer not linked to the child may lodge one.
            .RaisesConcern();

        var group = app.MapGroup("/api/referrals/escalations").WithTags("Escalations");
        group.MapGet("/", ReadEscalations.ListAsync).RequireAuthorization(Policies.TeamManagers).WithName("ListEscalations")
            .WithSummary("Escalations not yet answered (status=open, default), past their deadline (overdue) or all, oldest first, with their age in days (audited)");
        group.MapGet("/mine", ReadEscalations.MineAsync).RequireAuthorization(Policies.CaseStaff).WithName("ListMyEscalations")
            .WithSummary("The escalations you lodged, with their responses (audited)");
        group.MapGet("/{id:guid}", ReadEscalations.GetAsync).RequireAuthorization(Policies.TeamManagers).WithName("GetEscalation")
            .WithSummary("One escalation with its response and procedural defects (audited)");
        group.MapPost("/{id:guid}/response", AnswerEscalation.HandleAsync).RequireAuthorization(Policies.TeamManagers).WithName("AnswerEscalation")
            .WithSummary("Store the written response, which closes the escalation; once, never by the decision-maker (REF-21)");
        group.MapPost("/{id:guid}/procedural-defects", RecordProceduralDefect.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RecordProceduralDefect").WithSummary("Note a defect in how the escalation was lodged; it never voids the escalation (REF-21)");
        return app;
    }
}
