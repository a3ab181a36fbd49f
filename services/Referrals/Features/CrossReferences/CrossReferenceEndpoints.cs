using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>Cross-references between young people's records, and adults named on them (REF-19).</summary>
public static class CrossReferenceEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapCrossReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/referrals/young-people/{id:guid}/cross-references").RequireAuthorization(Policies.CaseStaff).WithTags("Cross-references");
        people.MapPost("/", RecordCrossReference.HandleAsync)
            .WithName("RecordCrossReference").WithSummary("Tag another young person whom information on this record is about (REF-19)");
        people.MapGet("/", ReadCrossReferences.AboutAsync)
            .WithName("ListCrossReferences").WithSummary("Information about this young person held on other records; the content only for those who may read the source (audited)");

        var adults = app.MapGroup("/api/referrals/young-people/{id:guid}/adult-tags").RequireAuthorization(Policies.CaseStaff).WithTags("Cross-references");
        adults.MapPost("/", TagAdult.HandleAsync)
            .WithName("TagAdult").WithSummary("A record about this young person names an adult: kept with its source, and the adult joins the persons register (REF-19, REF-13)");
        adults.MapGet("/", ListAdultTags.HandleAsync).AuditsReadOf(SubjectType)
            .WithName("ListAdultTags").WithSummary("The adults this young person's records name, with the other young people linked to each (audited)");

        var mine = app.MapGroup("/api/referrals/cross-references").RequireAuthorization(Policies.CaseStaff).WithTags("Cross-references");
        mine.MapGet("/mine", ReadCrossReferences.MineAsync)
            .WithName("ListMyCrossReferences").WithSummary("The signed-in key worker's cross-references not yet acknowledged (REF-19: the key worker is told)");
        mine.MapPost("/{crossReferenceId:guid}/acknowledge", ReadCrossReferences.AcknowledgeAsync)
            .WithName("AcknowledgeCrossReference").WithSummary("A key worker it was sent to acknowledges a cross-reference; once each");
        return app;
    }
}
