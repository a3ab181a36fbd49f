using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.LinkProposals;

/// <summary>
/// INT-02: links proposed from the street (outreach information items) and the support line (numbers reported as a
/// perpetrator's) wait here until a person confirms or rejects them; confirmation records the link in the one register
/// (REF-13), which flags a shared link as organised or multiple abuse. INT-05: a confirmed link involving a licensed
/// driver, operator or premises opens a licensing notification task for police liaison.
/// </summary>
public static class LinkProposalEndpoints
{
    /// <summary>Who works the licensing inbox (INT-05: police liaison or community safety, with their managers).</summary>
    internal static readonly string[] LicensingInbox = [Roles.PoliceLiaison, Roles.TeamManager, Roles.SeniorManager];

    public static IEndpointRouteBuilder MapLinkProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/referrals/link-proposals").RequireAuthorization(Policies.CaseStaff).WithTags("Link proposals");
        proposals.MapGet("/", ReadLinkProposals.ListAsync).WithName("ListLinkProposals")
            .WithSummary("Proposed person-of-concern links (pending by default), each with the young people already linked to the same value (INT-02)");
        proposals.MapGet("/{id:guid}", ReadLinkProposals.GetAsync).WithName("GetLinkProposal")
            .WithSummary("One proposed link, its network matches and its decision");
        proposals.MapPost("/{id:guid}/confirm", DecideLinkProposal.ConfirmAsync).WithName("ConfirmLinkProposal")
            .WithSummary("Confirm a proposed link: it joins the register (REF-13) and the proposer is told");
        proposals.MapPost("/{id:guid}/reject", DecideLinkProposal.RejectAsync).WithName("RejectLinkProposal")
            .WithSummary("Reject a proposed link with a reason; the proposer is told");

        var licensing = app.MapGroup("/api/referrals/licensing-notifications")
            .RequireAuthorization(p => p.RequireRole(LicensingInbox)).WithTags("Licensing notifications");
        licensing.MapGet("/", LicensingNotifications.ListAsync).WithName("ListLicensingNotifications")
            .WithSummary("INT-05: licensing notification tasks, those not yet sent first");
        licensing.MapPost("/{id:guid}/sent", LicensingNotifications.RecordSentAsync).WithName("RecordLicensingNotificationSent")
            .WithSummary("INT-05: record what was sent to licensing, to whom and when");
        return app;
    }
}
