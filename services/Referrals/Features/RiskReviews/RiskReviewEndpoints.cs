using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskReviews;

public static class RiskReviewEndpoints
{
    public sealed record RiskReviewResponse(
        Guid Id, Guid YoungPersonId, RiskReviewTrigger Trigger, string TriggerReference, LondonTime TriggeredAt,
        IReadOnlyList<RiskIndicator> Indicators, bool DisclosureMade, bool Urgent, LondonTime DueAt,
        bool Overdue, RiskReviewStatus Status, string? Owner, LondonTime RecordedAt, string RecordedBy,
        string? Reason = null, LondonTime? CompletedAt = null, IReadOnlyList<TriggerSummary>? Triggers = null, CompletionSummary? Completion = null)
    {
        public static RiskReviewResponse From(RiskReview r, DateTimeOffset now, IReadOnlyList<RiskReview>? triggers = null, RiskReviewCompletion? completion = null) => new(
            r.Id, r.YoungPersonId, r.Trigger, r.TriggerReference, LondonTime.Of(r.TriggeredAt), r.Indicators, r.DisclosureMade, r.Urgent,
            LondonTime.Of(r.DueAt),
            r.IsOverdue(now), r.Status, r.Owner, LondonTime.Of(r.RecordedAt), r.RecordedBy, r.Reason, LondonTime.Of(r.CompletedAt),
            triggers?.Select(t => new TriggerSummary(t.Id, t.Trigger, t.TriggerReference, LondonTime.Of(t.TriggeredAt), t.Indicators, t.DisclosureMade)).ToList(),
            completion is null ? null : new CompletionSummary(completion.AssessmentId, completion.Level, completion.Rationale, completion.Actions,
                completion.TriggerReviewIds, completion.CompletedLate, LondonTime.Of(completion.CompletedAt), completion.CompletedBy));
    }

    /// <summary>One trigger a review considers (REF-16: every trigger since the previous completed review).</summary>
    public sealed record TriggerSummary(
        Guid ReviewId, RiskReviewTrigger Trigger, string TriggerReference, LondonTime TriggeredAt, IReadOnlyList<RiskIndicator> Indicators, bool DisclosureMade);

    public sealed record CompletionSummary(
        Guid AssessmentId, RiskLevel Level, string Rationale, IReadOnlyList<RiskReviewAction> Actions, IReadOnlyList<Guid> TriggerReviewIds,
        bool CompletedLate, LondonTime CompletedAt, string CompletedBy);

    public static IEndpointRouteBuilder MapRiskReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/risk-reviews").RequireAuthorization(Policies.CaseStaff).WithTags("Risk reviews");
        group.MapGet("/", ListAsync).WithName("ListRiskReviews").WithSummary("A young person's risk reviews, or every open review overdue (overdue=true) or due later today in London (dueToday=true) (audited)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRiskReview")
            .WithSummary("One risk review with every trigger since the previous completed review and its outcome (audited)");
        group.MapPost("/", RiskReviewCommands.OpenAsync).WithName("OpenRiskReview").WithSummary("Open a risk review by hand, with a reason (REF-16)");
        group.MapPost("/{id:guid}/owner", RiskReviewCommands.AssignOwnerAsync).WithName("AssignRiskReviewOwner").WithSummary("Give an open risk review an owner");
        group.MapPost("/{id:guid}/complete", RiskReviewCommands.CompleteAsync).WithName("CompleteRiskReview")
            .WithSummary("Complete a risk review with a level, rationale and actions; a lowered level waits for a manager (REF-15, REF-16)");
        return app;
    }

    /// <summary>
    /// A young person's reviews (<c>youngPersonId</c>), or every open review past its due date (<c>overdue=true</c>)
    /// so missed deadlines are visible, never hidden, or every open review due later today (<c>dueToday=true</c>).
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<RiskReviewResponse>>, ValidationProblem>> ListAsync(
        Guid? youngPersonId, bool? overdue, bool? dueToday, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(youngPersonId is null && overdue != true && dueToday != true, "youngPersonId", "Give 'youngPersonId', 'overdue=true' or 'dueToday=true'.")
            .When(overdue == true && dueToday == true, "dueToday", DueToday.BothGiven);
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
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(r => r.Status == RiskReviewStatus.Open && r.DueAt >= from && r.DueAt < until);
        }
        var reviews = await query.OrderBy(r => r.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, reviews.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
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
        var triggers = await RiskReviewTriggers.SincePreviousCompletedAsync(db, review, cancellationToken);
        var completion = await db.RiskReviewCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.ReviewId == id, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [review.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(RiskReviewResponse.From(review, clock.GetUtcNow(), triggers, completion));
    }
}
