using Support.ServiceDefaults.Audit;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Placements;

/// <summary>Placements, matching and the must-not-have-contact list (REF-26, REF-27); the registry holds placements.</summary>
public static class PlacementEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    /// <summary>
    /// Who may report contact by a barred person: the carer the list is shared with (for the children placed with them,
    /// REC-11), and the social workers and managers who decide placements (<see cref="ReferralEndpoints.DeciderRoles"/>).
    /// </summary>
    public static readonly string[] ContactReporters = [Roles.Carer, .. ReferralEndpoints.DeciderRoles];

    public static WebApplicationBuilder AddPlacements(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.Section)
            .Validate(o => o.IsValid(), "Placements: 1 <= ResidentialReviewWithinDays <= 366.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlacementEndpoints(this IEndpointRouteBuilder app)
    {
        var placements = app.MapGroup("/api/referrals/placements").RequireAuthorization(Policies.CaseStaff).WithTags("Placements");
        placements.MapPost("/", StartPlacement.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("StartPlacement").WithSummary("Place a child; a residential admission is matched against the residents' risk to others first (REF-26)");
        placements.MapPost("/{id:guid}/end", EndPlacement.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("EndPlacement").WithSummary("End a placement with no next one recorded, with a reason code (REF-26)");
        placements.MapPost("/refusals", RecordPlacementRefusal.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordPlacementRefusal").WithSummary("A placement needed and not given for cost or shortage, recorded as unmet need (REF-26)");
        placements.MapPost("/matching-assessments", MatchingAssessments.RecordAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordMatchingAssessment").WithSummary("How a matching resident's risk to others will be managed if the child is admitted (REF-26)");
        placements.MapGet("/matching-assessments", MatchingAssessments.ListPendingAsync).RequireAuthorization(p => p.RequireRole(Roles.SeniorManager))
            .WithName("ListPendingMatchingAssessments").WithSummary("Matching assessments waiting for a senior manager's decision");
        placements.MapPost("/matching-assessments/{id:guid}/decision", MatchingAssessments.DecideAsync).RequireAuthorization(p => p.RequireRole(Roles.SeniorManager))
            .WithName("DecideMatchingAssessment").WithSummary("A senior manager, not the author, approves or refuses a matching assessment (REF-26)");
        placements.MapGet("/mine", ReadMyPlacements.HandleAsync).RequireAuthorization(p => p.RequireRole(Roles.Carer))
            .WithName("ListMyPlacements").WithSummary("The children placed with the signed-in carer now, with name, age, setting and review-by date (REF-27)");
        placements.MapPost("/{id:guid}/barred-contacts", BarredPersons.ReportContactAsync).RequireAuthorization(p => p.RequireRole(ContactReporters))
            .WithName("ReportBarredContact").WithSummary("A carer reports contact by someone on the child's must-not-have-contact list: a critical incident (REF-27)");

        var people = app.MapGroup("/api/referrals/young-people/{id:guid}").RequireAuthorization(Policies.CaseStaff).WithTags("Placements");
        people.MapGet("/placements", ReadPlacements.HandleAsync)
            .WithName("GetPlacements").WithSummary("A child's placements, refusals, matching assessments and risk-to-others flags (REF-26)");
        people.MapPost("/risk-to-others", RecordRiskToOthers.RecordAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordRiskToOthers").WithSummary("Record that a young person poses a risk to other children, and towards whom (REF-26)");
        people.MapGet("/barred-persons", BarredPersons.ListAsync)
            .WithName("ListBarredPersons").WithSummary("The people who must not have contact with the child, shared with the placement's carer (REF-27)");
        people.MapPost("/barred-persons/{personId:guid}/remove", BarredPersons.RemoveAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RemoveBarredPerson").WithSummary("A manager takes someone off the must-not-have-contact list with a reason; the entry stays on the record");
        people.MapPost("/barred-persons", BarredPersons.RecordAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordBarredPerson").WithSummary("Add someone who must not have contact with the child (REF-27)");

        app.MapPost("/api/referrals/risk-to-others/{flagId:guid}/withdraw", RecordRiskToOthers.WithdrawAsync).RequireAuthorization(Policies.TeamManagers)
            .WithTags("Placements").WithName("WithdrawRiskToOthers").WithSummary("A manager withdraws a risk-to-others flag with a reason; the flag stays on the record");
        return app;
    }
}
