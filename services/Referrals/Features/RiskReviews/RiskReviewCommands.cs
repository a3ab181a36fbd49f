using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Consumers;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>REF-16: opening a review by hand, giving it an owner, and completing it with a level, rationale and actions.</summary>
public static class RiskReviewCommands
{
    public sealed record OpenRequest(Guid? YoungPersonId, string? Reason, List<RiskIndicator>? Indicators);

    public sealed record AssignOwnerRequest(string? Owner);

    public sealed record ActionInput(string? Description, string? Owner, DateOnly? DueOn);

    public sealed record CompleteRequest(RiskLevel? Level, string? Rationale, List<ActionInput>? Actions, string? Notes);

    public sealed record CompletionResponse(
        RiskReviewEndpoints.RiskReviewResponse Review, RiskAssessmentResponse Assessment);

    public static async Task<Results<Created<RiskReviewEndpoints.RiskReviewResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        OpenRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("youngPersonId", request.YoungPersonId)
            .Required("reason", request.Reason, 2000)
            .When(request.Indicators?.Count > 100, "indicators", "'indicators' has too many items.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        var author = user.ToAuthor(clock);
        var dateOfBirth = await db.YoungPersonDetails.Where(d => d.YoungPersonId == youngPersonId).OrderByDescending(d => d.Version)
            .Select(d => (DateOnly?)d.DateOfBirth).FirstOrDefaultAsync(cancellationToken);
        if (dateOfBirth is not { } born)
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        var review = RiskReview.OpenManually(youngPersonId, request.Reason!.Trim(), request.Indicators ?? [],
            YoungPerson.AgeOn(born, London.DateOf(author.At)), author);
        db.RiskReviews.Add(review);
        outbox.Add(RiskReviewOpening.Opened(review));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/risk-reviews/{review.Id}", RiskReviewEndpoints.RiskReviewResponse.From(review, author.At));
    }

    public static async Task<Results<Ok<RiskReviewEndpoints.RiskReviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AssignOwnerAsync(
        Guid id, AssignOwnerRequest request, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("owner", request.Owner, 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var review = await db.RiskReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return TypedResults.NotFound();
        }
        if (review.Status == RiskReviewStatus.Completed)
        {
            return RiskAssessmentEndpoints.Conflict("The review is already completed.");
        }
        review.AssignOwner(request.Owner!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RiskReviewEndpoints.RiskReviewResponse.From(review, clock.GetUtcNow()));
    }

    /// <summary>
    /// Completes a review. The level is recorded as a risk assessment over every trigger since the previous completed
    /// review, so raising is free and lowering waits for a team manager's countersignature (REF-14, REF-15).
    /// </summary>
    public static async Task<Results<Ok<CompletionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CompleteAsync(
        Guid id, CompleteRequest request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("level", request.Level)
            .Required("rationale", request.Rationale, 4000)
            .MaxLength("notes", request.Notes, 8000)
            .When(request.Actions is null, "actions", "'actions' is required (an empty list if none were agreed).")
            .When(request.Actions?.Count > 50, "actions", "'actions' has too many items.");
        for (var i = 0; i < (request.Actions?.Count ?? 0); i++)
        {
            var action = request.Actions![i];
            errors.Required($"actions[{i}].description", action.Description, 1000)
                .Required($"actions[{i}].owner", action.Owner, 200)
                .Required($"actions[{i}].dueOn", action.DueOn);
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var review = await db.RiskReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return TypedResults.NotFound();
        }
        if (review.Status == RiskReviewStatus.Completed)
        {
            return RiskAssessmentEndpoints.Conflict("The review is already completed.");
        }
        var author = user.ToAuthor(clock);
        var triggers = await RiskReviewTriggers.SincePreviousCompletedAsync(db, review, cancellationToken);
        var input = new AssessmentInput(
            London.DateOf(triggers.Max(t => t.TriggeredAt)),
            triggers.SelectMany(t => t.Indicators).Distinct().ToList(),
            SexualActivity: false,
            DisclosureOfAssault: triggers.Any(t => t.DisclosureMade),
            MissingEpisodesInLast90Days: null,
            request.Level!.Value, request.Rationale, request.Notes);
        var outcome = await RiskAssessing.RecordAsync(db, outbox, review.YoungPersonId, review.Id, input, author, cancellationToken);
        if (outcome.UnknownYoungPerson)
        {
            return errors.Add("level", "The young person is not registered in this service, so no level can be set; register them first.").ToUnprocessable();
        }
        if (outcome.Errors.Any)
        {
            return outcome.Errors.ToUnprocessable();
        }
        var assessment = outcome.Assessment!;
        var actions = request.Actions!.Select(a => new RiskReviewAction(a.Description!.Trim(), a.Owner!.Trim(), a.DueOn!.Value)).ToList();
        var completion = RiskReviewCompletion.For(review, assessment, request.Rationale!, actions, triggers.Select(t => t.Id).ToList(), author);
        db.RiskReviewCompletions.Add(completion);
        review.MarkCompleted(author.At);
        outbox.Add(new RiskReviewCompleted
        {
            ReviewId = review.Id,
            YoungPersonId = review.YoungPersonId,
            Level = assessment.ChosenLevel,
            ActionCount = actions.Count,
            CompletedLate = completion.CompletedLate,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            OccurredAt = author.At,
        });
        if (await RiskAssessmentEndpoints.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(new CompletionResponse(
            RiskReviewEndpoints.RiskReviewResponse.From(review, author.At, triggers, completion), RiskAssessmentResponse.From(assessment, null)));
    }
}

/// <summary>REF-16: "the review record lists every trigger since the previous review".</summary>
public static class RiskReviewTriggers
{
    /// <summary>
    /// The young person's reviews opened after the last review completed before this one (or before now if it is open),
    /// up to this review's completion; always including this review.
    /// </summary>
    public static async Task<List<RiskReview>> SincePreviousCompletedAsync(ReferralsDbContext db, RiskReview review, CancellationToken cancellationToken)
    {
        var others = db.RiskReviews.AsNoTracking().Where(r => r.YoungPersonId == review.YoungPersonId && r.Id != review.Id);
        if (review.CompletedAt is { } completedAt)
        {
            others = others.Where(r => r.RecordedAt <= completedAt);
        }
        var completedBefore = others.Where(r => r.CompletedAt != null);
        if (review.CompletedAt is { } until)
        {
            completedBefore = completedBefore.Where(r => r.CompletedAt < until);
        }
        var previous = await completedBefore.MaxAsync(r => r.CompletedAt, cancellationToken);
        if (previous is { } since)
        {
            others = others.Where(r => r.RecordedAt > since);
        }
        var triggers = await others.ToListAsync(cancellationToken);
        triggers.Add(review);
        return triggers.OrderBy(r => r.TriggeredAt).ThenBy(r => r.Id).ToList();
    }
}
