using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskReviews;

public static class RiskReviewEndpoints
{
    public sealed record RiskReviewResponse(
        Guid Id, Guid YoungPersonId, RiskReviewTrigger Trigger, string TriggerReference, DateTimeOffset TriggeredAt,
        IReadOnlyList<RiskIndicator> Indicators, bool DisclosureMade, bool Urgent, DateTimeOffset DueAt, string DueAtLondon,
        bool Overdue, RiskReviewStatus Status, string? Owner, DateTimeOffset RecordedAt, string RecordedBy)
    {
        public static RiskReviewResponse From(RiskReview r, DateTimeOffset now) => new(
            r.Id, r.YoungPersonId, r.Trigger, r.TriggerReference, r.TriggeredAt, r.Indicators, r.DisclosureMade, r.Urgent,
            r.DueAt, TimeZoneInfo.ConvertTime(r.DueAt, WorkingDays.London).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture),
            r.IsOverdue(now), r.Status, r.Owner, r.RecordedAt, r.RecordedBy);
    }

    public static IEndpointRouteBuilder MapRiskReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/risk-reviews").RequireAuthorization(Policies.CaseStaff).WithTags("Risk reviews");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        return app;
    }

    /// <summary>
    /// A young person's reviews (<c>youngPersonId</c>), or every open review past its due date (<c>overdue=true</c>)
    /// so missed deadlines are visible, never hidden.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<RiskReviewResponse>>, ValidationProblem>> ListAsync(
        Guid? youngPersonId, bool? overdue, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(youngPersonId is null && overdue != true, "youngPersonId", "Give 'youngPersonId' or 'overdue=true'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.RiskReviews.AsNoTracking();
        if (youngPersonId is { } id)
        {
            query = query.Where(r => r.YoungPersonId == id);
        }
        if (overdue == true)
        {
            query = query.Where(r => r.Status == RiskReviewStatus.Open && r.DueAt < now);
        }
        var reviews = await query.OrderBy(r => r.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync("young-person", reviews.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RiskReviewResponse>>(reviews.Select(r => RiskReviewResponse.From(r, now)).ToList());
    }

    private static async Task<Results<Ok<RiskReviewResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var review = await db.RiskReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync("young-person", [review.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(RiskReviewResponse.From(review, clock.GetUtcNow()));
    }
}
