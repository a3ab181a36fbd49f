using Support.Referrals.Features.Referrals;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.SharingRelationships;

/// <summary>
/// The relationships partners' access comes from under the information-sharing protocol (REC-11, issue 16): a carer's
/// placement, a school's pupil, an explicit time-limited grant. Social workers and managers record and end them; every
/// service receives them over the bus and decides partners' reads of its own records on them.
/// </summary>
public static class SharingRelationshipEndpoints
{
    public static IEndpointRouteBuilder MapSharingRelationshipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/sharing-relationships").WithTags("Information sharing");
        group.MapPost("/", RecordSharingRelationship.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordSharingRelationship")
            .WithSummary("Record a partner's placement, school or time-limited grant for this young person (REC-11)");
        group.MapPost("/{relationshipId:guid}/end", EndSharingRelationship.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("EndSharingRelationship").WithSummary("End a sharing relationship, with the reason (REC-11)");
        group.MapGet("/", ListSharingRelationships.HandleAsync).RequireAuthorization(Policies.CaseStaff)
            .WithName("ListSharingRelationships").WithSummary("Who outside the case team may see this young person, and why (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        return app;
    }
}
