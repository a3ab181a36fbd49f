using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Placements;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Placements;
using Support.Referrals.Features.SharingRelationships;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26: a child is placed. Type, reason code and a rationale always; for residential care a review-by date within
/// <see cref="PlacementOptions.ResidentialReviewWithinDays"/>. Before admission to a residential setting the current
/// residents' risk-to-others flags are matched against the child; a match needs a matching assessment approved by a
/// senior manager that covered every matching flag (409 until then: Child E). The current placement ends the day the
/// new one starts. A placement chosen for cost or shortage is recorded as unmet need.
/// </summary>
public static class StartPlacement
{
    /// <summary>
    /// <c>carerUserId</c>, optional: the user id of the carer the child is placed with, when they sign in; they can
    /// then read the child's record while the placement lasts (REF-27).
    /// </summary>
    public sealed record Request(
        Guid? YoungPersonId, PlacementType? Type, PlacementReason? Reason, string? Setting, DateOnly? StartedOn, DateOnly? ReviewBy, string? Rationale,
        string? CarerUserId);

    public static async Task<Results<Created<PlacementResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<PlacementOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("type", request.Type)
            .Required("reason", request.Reason)
            .Required("setting", request.Setting, 200)
            .Required("startedOn", request.StartedOn)
            .Required("rationale", request.Rationale, 4000)
            .MaxLength("carerUserId", request.CarerUserId, SharingRelationshipRules.UserIdMaxLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        var youngPersonId = request.YoungPersonId!.Value;
        var type = request.Type!.Value;
        var startedOn = request.StartedOn!.Value;
        if (await db.DateOfBirthOfAsync(youngPersonId, cancellationToken) is not { } bornOn)
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        var current = await db.CurrentPlacementAsync(youngPersonId, cancellationToken);
        var latestReview = startedOn.AddDays(options.Value.ResidentialReviewWithinDays);
        if (EventDates.Problem("startedOn", startedOn, bornOn, author.At) is { } dateProblem)
        {
            errors.Add("startedOn", dateProblem);
        }
        errors
            .When(current is not null && startedOn < current.StartedOn, "startedOn", $"'startedOn' cannot be before the current placement began ({current?.StartedOn:yyyy-MM-dd}).")
            .When(type.IsResidential() && request.ReviewBy is null, "reviewBy", "Residential care needs a review-by date (REF-26: it should include a time limit).")
            .When(request.ReviewBy is { } review && review <= startedOn, "reviewBy", "'reviewBy' must be after 'startedOn'.")
            .When(type.IsResidential() && request.ReviewBy is { } limit && limit > latestReview, "reviewBy",
                $"'reviewBy' can be at most {options.Value.ResidentialReviewWithinDays} days after 'startedOn' ({latestReview:yyyy-MM-dd}).");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        Guid? matchingAssessmentId = null;
        var settingKey = Placement.KeyOf(request.Setting!);
        if (type.IsResidential() && await db.MatchingResidentFlagsAsync(youngPersonId, settingKey, startedOn, cancellationToken) is { Count: > 0 } flags)
        {
            var assessments = await db.PlacementMatchingAssessments.AsNoTracking()
                .Where(a => a.YoungPersonId == youngPersonId && a.SettingKey == settingKey)
                .Select(a => new { Assessment = a, Decision = db.PlacementMatchingDecisions.SingleOrDefault(d => d.AssessmentId == a.Id) })
                .ToListAsync(cancellationToken);
            var approved = assessments.Where(a => a.Decision?.Outcome == MatchingDecisionOutcome.Approved && a.Assessment.Covers(flags))
                .MaxBy(a => a.Decision!.DecidedAt);
            if (approved is null)
            {
                var pending = assessments.Where(a => a.Decision is null && a.Assessment.Covers(flags)).MaxBy(a => a.Assessment.RecordedAt);
                return TypedResults.Problem(
                    title: "A matching risk assessment approved by a senior manager is needed first",
                    detail: $"{flags.Count} risk-to-others flag(s) of young people living at this setting now match this child (REF-26). "
                        + (pending is null
                            ? "Record a matching assessment that considers them and ask a senior manager to decide on it."
                            : "The matching assessment that considers them is waiting for a senior manager's decision."),
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?>
                    {
                        ["matchingFlags"] = flags.Count,
                        ["pendingAssessmentId"] = pending?.Assessment.Id,
                    });
            }
            matchingAssessmentId = approved.Assessment.Id;
        }

        var carer = string.IsNullOrWhiteSpace(request.CarerUserId) ? null : request.CarerUserId.Trim();
        var carerRelationship = carer is null ? null : db.CarerRelationship(outbox, youngPersonId, carer, request.Setting!.Trim(), author);
        var placement = Placement.Start(youngPersonId, type, request.Reason!.Value, request.Setting!, startedOn, request.ReviewBy, request.Rationale!,
            matchingAssessmentId, carer, carerRelationship?.Id, author);
        db.Placements.Add(placement);
        if (current is not null)
        {
            db.PlacementEndings.Add(PlacementEnding.Of(current, startedOn, placement.Reason, placement.Id, author));
            await db.EndCarerRelationshipAsync(outbox, current, author, cancellationToken);
        }
        outbox.Add(new PlacementStarted
        {
            PlacementId = placement.Id,
            YoungPersonId = youngPersonId,
            Type = placement.Type,
            Reason = placement.Reason,
            Setting = placement.Setting,
            StartedOn = placement.StartedOn,
            ReviewBy = placement.ReviewBy,
            PreviousPlacementId = current?.Id,
            MatchingAssessmentId = matchingAssessmentId,
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        if (placement.Reason.IsCostOrShortage())
        {
            db.RecordPlacementUnmetNeed(outbox, youngPersonId, placement.Reason, placement.Id, author);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two placements recorded at once for the same child both tried to end the current one.
            return TypedResults.Problem(title: "The current placement changed", detail: "Another placement was recorded for this young person at the same moment; reload and try again.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/referrals/young-people/{youngPersonId}/placements", PlacementResponse.From(placement, null));
    }
}
