using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>Records a risk assessment: the suggested level from the rule table, the chosen level, legal flags and prompts (REF-07, REF-14).</summary>
public static class RecordRiskAssessment
{
    public sealed record Request(
        DateOnly? EventDate, List<RiskIndicator>? Indicators, bool? SexualActivity, bool? DisclosureOfAssault,
        int? MissingEpisodesInLast90Days, RiskLevel? ChosenLevel, string? Rationale, string? Notes);

    public static async Task<Results<Created<RiskAssessmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("eventDate", request.EventDate)
            .Required("chosenLevel", request.ChosenLevel)
            .When(request.MissingEpisodesInLast90Days is < 0 or > 1000, "missingEpisodesInLast90Days", "'missingEpisodesInLast90Days' must be between 0 and 1000.")
            .When(request.Indicators?.Count > 100, "indicators", "'indicators' has too many items.")
            .MaxLength("rationale", request.Rationale, 4000)
            .MaxLength("notes", request.Notes, 8000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var input = new AssessmentInput(request.EventDate!.Value, request.Indicators ?? [], request.SexualActivity ?? false,
            request.DisclosureOfAssault ?? false, request.MissingEpisodesInLast90Days, request.ChosenLevel!.Value, request.Rationale, request.Notes);
        var outcome = await RiskAssessing.RecordAsync(db, outbox, id, null, input, user.ToAuthor(clock), cancellationToken);
        if (outcome.UnknownYoungPerson)
        {
            return TypedResults.NotFound();
        }
        if (outcome.Errors.Any)
        {
            return outcome.Errors.ToUnprocessable();
        }
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var assessment = outcome.Assessment!;
        return TypedResults.Created($"/api/referrals/young-people/{id}/risk-assessments/{assessment.Id}", RiskAssessmentResponse.From(assessment, null));
    }
}
