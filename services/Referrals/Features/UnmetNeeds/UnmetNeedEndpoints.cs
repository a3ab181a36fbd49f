using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.UnmetNeeds;

/// <summary>
/// COM-05: the unmet needs Referrals found (assessments, need tasks, placements), for the child's workers to see and to
/// record when each is met. The platform's ledger in Therapy counts them; commissioners see only its suppressed counts.
/// </summary>
public static class UnmetNeedEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapUnmetNeedEndpoints(this IEndpointRouteBuilder app)
    {
        var needs = app.MapGroup("/api/referrals/young-people/{id:guid}/unmet-needs").RequireAuthorization(Policies.CaseStaff).WithTags("Unmet needs");
        needs.MapGet("/", ListUnmetNeeds.HandleAsync)
            .WithName("ListReferralUnmetNeeds").WithSummary("The unmet needs Referrals recorded for a young person, each with whether, when and how it was met (COM-05)");
        needs.MapPost("/{needId:guid}/met", RecordUnmetNeedMet.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordReferralUnmetNeedMet").WithSummary("Record that an unmet need was met, when and how; publishes UnmetNeedResolved for the platform's ledger (COM-05)");
        return app;
    }
}
