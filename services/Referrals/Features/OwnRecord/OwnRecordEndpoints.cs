using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.OwnRecord;

/// <summary>
/// Issue 16 item 4 (REC-10): a young person or adult survivor asks for what is recorded about them themselves, signed
/// in, instead of through whoever they told. A worker who has verified who they are links their sign-in to their
/// record; from then on, at <c>/api/referrals/me</c> (the only routes their roles reach), they see their own record's
/// requests, make one, and read the answer: the released pack, as redacted for third parties (REC-09).
/// </summary>
public static class OwnRecordEndpoints
{
    /// <summary>Who links a sign-in to a record: the workers who decide referrals, and the data protection officer.</summary>
    public static readonly string[] Linkers = [.. ReferralEndpoints.DeciderRoles, Roles.DataProtectionOfficer];

    public static IEndpointRouteBuilder MapOwnRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var identities = app.MapGroup("/api/referrals/young-people/{id:guid}/sign-in-identities").WithTags("Own record");
        identities.MapPost("/", SignInIdentities.LinkAsync).RequireAuthorization(p => p.RequireRole(Linkers))
            .WithName("LinkSignInIdentity").WithSummary("Link a young person's own sign-in to their record, saying how they were verified");
        identities.MapPost("/{identityId:guid}/end", SignInIdentities.EndAsync).RequireAuthorization(p => p.RequireRole(Linkers))
            .WithName("EndSignInIdentity").WithSummary("End a sign-in's link to the record, with a reason; the link stays on record");
        identities.MapGet("/", SignInIdentities.ListAsync).RequireAuthorization(p => p.RequireRole(Linkers))
            .WithName("ListSignInIdentities").WithSummary("The sign-ins linked to a young person's record, standing and ended");

        var me = app.MapGroup("/api/referrals/me").RequireAuthorization(p => p.RequireRole(Roles.DataSubjects)).WithTags("Own record");
        me.MapGet("/subject-access-requests", MyRequests.ListAsync).WithName("ListMySubjectAccessRequests")
            .WithSummary("The signed-in young person's own requests for their record, with when each is due and whether it is answered");
        me.MapPost("/subject-access-requests", MyRequests.MakeAsync).WithName("MakeMySubjectAccessRequest")
            .WithSummary("Ask for what is recorded about me: received today, due in a month (REC-10)");
        me.MapGet("/subject-access-requests/{requestId:guid}/pack", MyRequests.PackAsync).WithName("GetMySubjectAccessPack")
            .WithSummary("The answer to my request: the released pack, as redacted for third parties (audited)");
        return app;
    }
}
