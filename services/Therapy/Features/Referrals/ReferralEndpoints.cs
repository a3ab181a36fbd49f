using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Features.Referrals;

/// <summary>Therapy and CAMHS referrals that always end with an outcome (THR-01, THR-04).</summary>
public static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/therapy").WithTags("Therapy referrals");
        api.MapPost("/referrals", MakeReferral.HandleAsync).RequireAuthorization(Policies.CaseStaff)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("MakeTherapyReferral").WithSummary("Refer a known young person to an offer; the CSE context comes from their risk level, never typed.");
        api.MapPost("/referrals/{referralId:guid}/accept", DecideReferral.AcceptAsync).RequireAuthorization(Access.Clinicians)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("AcceptTherapyReferral").WithSummary("Accept the referral (clinicians).");
        api.MapPost("/referrals/{referralId:guid}/decline", DecideReferral.DeclineAsync).RequireAuthorization(Access.Clinicians)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("DeclineTherapyReferral")
            .WithSummary("Decline with a reason code; records unmet need, opens a key-worker task listing fitting offers and publishes TherapyReferralDeclined.");
        api.MapPost("/referrals/{referralId:guid}/first-appointment", RecordFirstAppointment.HandleAsync).RequireAuthorization(Access.Clinicians)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("RecordFirstAppointment").WithSummary("Record the first appointment of an accepted referral: the end of the wait (THR-02).");
        api.MapPost("/referrals/{referralId:guid}/withdraw", WithdrawReferral.HandleAsync).RequireAuthorization(Policies.CaseStaff)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("WithdrawTherapyReferral").WithSummary("Withdraw an open or accepted referral, with a reason.");
        api.MapPost("/referrals/{referralId:guid}/close-episode", CloseEpisode.HandleAsync).RequireAuthorization(Access.Clinicians)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("CloseTherapyEpisode")
            .WithSummary("Close an accepted referral's episode with a reason and an onward arrangement (THR-05); 'NoneAvailable' is recorded as unmet need.");
        api.MapGet("/young-people/{id:guid}/referrals", ListReferrals.ForYoungPersonAsync).RequireAuthorization(Policies.CaseStaff)
            .AuditsReadOf(AccessSubjects.YoungPerson)
            .WithName("ListYoungPersonTherapyReferrals").WithSummary("A young person's therapy referrals and their outcomes (audited read).");
        api.MapGet("/offers/{offerId:guid}/referrals", ListReferrals.ForOfferAsync).RequireAuthorization(Access.Clinicians)
            .WithName("ListOfferTherapyReferrals").WithSummary("An offer's open and accepted referrals, oldest first: the provider's list (THR-02).");
        return app;
    }
}
