using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.YoungPeople;

public static class YoungPeopleEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapYoungPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners get 403 here (Part I).
        var group = app.MapGroup("/api/referrals/young-people").RequireAuthorization(Policies.CaseStaff).WithTags("Young people");
        group.MapPost("/", RegisterYoungPerson.HandleAsync);
        group.MapGet("/", FindYoungPeople.HandleAsync);
        group.MapGet("/{id:guid}", GetYoungPerson.HandleAsync).AuditsReadOf(SubjectType);
        group.MapGet("/names", YoungPersonNames.HandleAsync)
            .WithSummary("The current names of the young people a screen lists by id (?ids=…&ids=…, at most 200; audited)");
        group.MapPost("/{id:guid}/corrections", CorrectYoungPersonDetails.HandleAsync);
        group.MapGet("/{id:guid}/own-words", OwnWords.HandleAsync).AuditsReadOf(SubjectType)
            .WithSummary("The young person's own words: their views from strategy meetings and the texts marked as their views (audited)");
        group.MapPost("/{id:guid}/relationships", FamilyRelationships.RecordAsync)
            .WithName("RecordFamilyRelationship").WithSummary("Record that two young people are siblings or share a household (REF-19)");
        group.MapGet("/{id:guid}/relationships", FamilyRelationships.ListAsync)
            .WithName("ListFamilyRelationships").WithSummary("A young person's siblings and household, with whether each has a CSE history (audited for both)");
        // A different policy from the group's: only managers and auditors see who looked at a record (REC-08).
        app.MapGet("/api/referrals/young-people/{id:guid}/access-log", GetAccessLog.HandleAsync)
            .RequireAuthorization(Policies.AccessLogReaders).WithTags("Young people");
        return app;
    }
}
