using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Incidents;
using Support.Contracts.Missing;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// MIS-02, MIS-03: the findings of a completed return-home interview. <c>ReturnInterviewCompleted</c> carries codes
/// (indicators, whether a disclosure was made, locations, the sharing basis) always, and the disclosure in the young
/// person's words only when the sharing basis allows it (Consent, SafeguardingOverride or LegalDuty).
/// </summary>
public static class CompleteReturnInterview
{
    public sealed record Request(
        DateTimeOffset? ConductedAt,
        string? WhereTheyWere,
        IReadOnlyList<string>? Locations,
        string? WhoWith,
        string? PushFactors,
        string? PullFactors,
        IReadOnlyList<RiskIndicator>? RiskIndicators,
        bool? DisclosureMade,
        string? Disclosure,
        string? YoungPersonsWords,
        InformationSharingBasis? InformationSharingBasis,
        IReadOnlyList<string>? Persons = null,
        IReadOnlyList<string>? Vehicles = null,
        IReadOnlyList<string>? Places = null,
        IReadOnlyList<DisruptionOptionRequest>? DisruptionOptions = null);

    /// <summary>INT-03: a tool considered, with the decision, why, and who owns it.</summary>
    public sealed record DisruptionOptionRequest(DisruptionTool? Tool, DisruptionDecision? Decision, string? Owner, string? Rationale);

    public static async Task<Results<Ok<ReturnInterviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, MissingDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("conductedAt", request.ConductedAt)
            .Required("whereTheyWere", request.WhereTheyWere, 4000)
            .MaxLength("whoWith", request.WhoWith, 2000)
            .MaxLength("pushFactors", request.PushFactors, 4000)
            .MaxLength("pullFactors", request.PullFactors, 4000)
            .Required("disclosureMade", request.DisclosureMade)
            .MaxLength("disclosure", request.Disclosure, 4000)
            .MaxLength("youngPersonsWords", request.YoungPersonsWords, 4000)
            .Required("informationSharingBasis", request.InformationSharingBasis)
            .When(request.DisclosureMade == true && string.IsNullOrWhiteSpace(request.Disclosure),
                "disclosure", "'disclosure' is required when disclosureMade is true.");
        var locations = request.Locations ?? [];
        errors.When(locations.Count > 20, "locations", "At most 20 locations.");
        for (var i = 0; i < locations.Count; i++)
        {
            errors.Required($"locations[{i}]", locations[i], 200);
        }
        var persons = CheckList(errors, "persons", request.Persons);
        var vehicles = CheckList(errors, "vehicles", request.Vehicles);
        var places = CheckList(errors, "places", request.Places);
        var options = request.DisruptionOptions ?? [];
        errors.When(options.Count > 20, "disruptionOptions", "At most 20 disruption options.");
        foreach (var (option, i) in errors.Present("disruptionOptions", options))
        {
            errors.Required($"disruptionOptions[{i}].tool", option.Tool)
                .Required($"disruptionOptions[{i}].decision", option.Decision)
                .Required($"disruptionOptions[{i}].owner", option.Owner, 200)
                .Required($"disruptionOptions[{i}].rationale", option.Rationale, 2000);
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock, [Roles.RhiWorker]);
        var findings = new InterviewFindings(request.ConductedAt!.Value, request.WhereTheyWere!, locations, request.WhoWith,
            request.PushFactors, request.PullFactors, request.RiskIndicators ?? [], request.DisclosureMade!.Value, request.Disclosure,
            request.YoungPersonsWords, request.InformationSharingBasis!.Value, persons, vehicles, places);
        return await InterviewActions.ApplyAsync(id, InterviewAction.Complete, db, author.At,
            interview => interview.CheckFindings(findings, author.At),
            interview =>
            {
                interview.Complete(findings, author);
                outbox.Add(new ReturnInterviewCompleted
                {
                    InterviewId = interview.Id,
                    EpisodeId = interview.EpisodeId,
                    YoungPersonId = interview.YoungPersonId,
                    CompletedAt = interview.ConductedAt!.Value,
                    Indicators = interview.RiskIndicators,
                    DisclosureMade = interview.DisclosureMade ?? false,
                    DisclosureSummary = interview.ShareableDisclosure(),
                    Locations = interview.Locations,
                    SharingBasis = interview.SharingBasis!.Value.ToString(),
                    OccurredAt = author.At,
                });
                if (interview.ShareableWords() is { } words)
                {
                    outbox.Add(new YoungPersonsWordsRecorded
                    {
                        WordsId = interview.Id, YoungPersonId = interview.YoungPersonId, Service = MissingApi.ServiceName, Source = "Return interview",
                        Words = words, SaidAt = interview.ConductedAt!.Value, RecordedBy = author.UserId, RecordedByRole = author.Role, OccurredAt = author.At,
                    });
                }
                // MIS-04, REF-22: injuries recorded on return are a critical incident for senior managers.
                if (interview.RiskIndicators.Contains(RiskIndicator.InjuriesOnReturn))
                {
                    outbox.Add(new CriticalIncidentRaised
                    {
                        IncidentId = Guid.CreateVersion7(author.At),
                        YoungPersonId = interview.YoungPersonId,
                        Kind = CriticalIncidentKind.InjuriesOnReturn,
                        SourceService = MissingApi.ServiceName,
                        SourceReference = $"return-interview:{interview.Id}",
                        IncidentAt = interview.ReturnedAt,
                        OccurredAt = author.At,
                    });
                }
                // MIS-03, INT-01: named adults, vehicles and places become proposed links for Referrals and Outreach.
                if (interview.ProposedPersons.Count + interview.ProposedVehicles.Count + interview.ProposedPlaces.Count > 0)
                {
                    outbox.Add(new ReturnInterviewLinksProposed
                    {
                        InterviewId = interview.Id,
                        EpisodeId = interview.EpisodeId,
                        YoungPersonId = interview.YoungPersonId,
                        Persons = interview.ProposedPersons,
                        Vehicles = interview.ProposedVehicles,
                        Places = interview.ProposedPlaces,
                        SharingBasis = interview.SharingBasis!.Value.ToString(),
                        OccurredAt = author.At,
                    });
                }
            },
            cancellationToken,
            interview => options.Select(o => DisruptionOption.For(interview, o.Tool!.Value, o.Decision!.Value, o.Owner!, o.Rationale!, author)));
    }

    private static IReadOnlyList<string> CheckList(ValidationErrors errors, string field, IReadOnlyList<string>? values)
    {
        var list = values ?? [];
        errors.When(list.Count > 20, field, $"At most 20 {field}.");
        for (var i = 0; i < list.Count; i++)
        {
            errors.Required($"{field}[{i}]", list[i], 200);
        }
        return list;
    }
}
