using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.OrganisedAbuse;

public static class OrganisedAbuseEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;
    public const string Flag = "OrganisedOrMultipleAbuse";

    public static IEndpointRouteBuilder MapOrganisedAbuseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/links").RequireAuthorization(Policies.CaseStaff).WithTags("Organised abuse");
        group.MapPost("/", LinkYoungPerson.HandleAsync).WithName("LinkYoungPerson")
            .WithSummary("Link a young person to an alleged perpetrator, nickname, vehicle, phone or address; shared links flag organised or multiple abuse (REF-13).");
        group.MapGet("/", GetYoungPersonLinks.HandleAsync).AuditsReadOf(SubjectType).WithName("GetYoungPersonLinks")
            .WithSummary("A young person's links and organised-abuse flags.");
        return app;
    }
}
