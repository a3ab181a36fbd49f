using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>REF-16: completing a review once, with a level, rationale and actions.</summary>
public static class CompleteRiskReview
{
    public sealed record ActionInput(string? Description, string? Owner, DateOnly? DueOn);

    public sealed record Request(RiskLevel? Level, string? Rationale, List<ActionInput>? Actions, string? Notes);

    /// <summary>
    /// Completes a review. The level is recorded as a risk assessment over every trigger since the previous completed
    /// review, so raising is free and lowering waits for a team manager's countersignature (REF-14, REF-15).
    /// </summary>
    public static async Task<Results<Ok<RiskReviewCompletionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("level", request.Level)
            .Required("rationale", request.Rationale, 4000)
            .MaxLength("notes", request.Notes, 8000)
            .When(request.Actions is null, "actions", "'actions' is required (an empty list if none were agreed).")
            .When(request.Actions?.Count > 50, "actions", "'actions' has too many items.");
        foreach (var (action, i) in errors.Present("actions", request.Actions))
        {
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
            return Conflicts.Problem("The review is already completed.");
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
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(new RiskReviewCompletionResponse(
            RiskReviewResponse.From(review, author.At, triggers, completion), RiskAssessmentResponse.From(assessment, null)));
    }
}
