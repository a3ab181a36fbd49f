using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Chronology;

public static class ChronologyEndpoints
{
    public static IEndpointRouteBuilder MapChronologyEndpoints(this IEndpointRouteBuilder app)
    {
        // A child's whole story: case staff only, commissioners get 403 (Part I), and every read is audited (REC-08).
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/chronology")
            .RequireAuthorization(Policies.CaseStaff).WithTags("Chronology");
        group.MapGet("/", GetChronology.HandleAsync).AuditsReadOf(YoungPeopleEndpoints.SubjectType)
            .WithName("GetChronology").Produces<GetChronology.Response>()
            .WithSummary("A young person's single chronology from every service, in event order, each entry dated, signed and hash-chained (REC-02).");
        group.MapGet("/verify", VerifyChronology.HandleAsync).AuditsReadOf(YoungPeopleEndpoints.SubjectType)
            .WithName("VerifyChronology")
            .WithSummary("Recomputes the chronology's hash chain: intact, or the first broken sequence number and why (REC-04).");
        group.MapPost("/", AddChronologyEntry.HandleAsync)
            .WithName("AddChronologyEntry")
            .WithSummary("Adds a case note, or a correction pointing at the entry it corrects (REC-05); the author comes from the token.");
        return app;
    }
}
