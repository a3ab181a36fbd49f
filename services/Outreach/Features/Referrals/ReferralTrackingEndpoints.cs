using Microsoft.AspNetCore.Mvc;
using Support.Outreach.Features.Concerns;

namespace Support.Outreach.Features.Referrals;

public static class ReferralTrackingEndpoints
{
    public static IEndpointRouteBuilder MapReferralTrackingEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/outreach/my").RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Referrals");
        mine.MapGet("/referrals", MyReferrals.ReferralsAsync)
            .WithName("MyReferrals").WithSummary("The referrals I made, with priority, decision and reclassifications (OUT-04)");
        mine.MapGet("/notifications", MyReferrals.NotificationsAsync)
            .WithName("MyNotifications").WithSummary("What I was told about my referrals, newest first, with each reclassification's rationale (OUT-04, REF-02)");

        app.MapPost("/api/outreach/concerns", RaiseConcern.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Referrals")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("RaiseConcern").WithSummary("Raise a CSE concern with indicators; Referrals opens a risk review (REF-16)");
        return app;
    }
}
