using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.Contracts.Incidents;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>
/// REF-22: a worker records a critical incident (an allegation of rape or sexual assault, an admission for overdose or
/// self-harm, a threat to kill or a weapon, a pregnancy under 16...). It goes straight into the senior-manager queue
/// with its acknowledgement deadline, and <c>CriticalIncidentRaised</c> is announced in the same transaction. The
/// brief names looked-after and CSE-flagged children; an incident of these kinds about any registered child is
/// accepted, since a senior manager told once too often is better than Child E's file.
/// </summary>
public static class RecordCriticalIncident
{
    public const string Service = "referrals";

    /// <summary>An incident more than this far back is a typing error, not a late entry (checked with the date of birth).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public sealed record Request(Guid? YoungPersonId, CriticalIncidentKind? Kind, DateTimeOffset? IncidentAt, string? Summary);

    public static async Task<Results<Created<CriticalIncidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<CriticalIncidentOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("kind", request.Kind)
            .Required("incidentAt", request.IncidentAt)
            .Required("summary", request.Summary, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock);
        var youngPersonId = request.YoungPersonId!.Value;
        var incidentAt = request.IncidentAt!.Value;
        var bornOn = await db.DateOfBirthOfAsync(youngPersonId, cancellationToken);
        if (bornOn is not { } dateOfBirth)
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        var incidentDate = London.DateOf(incidentAt);
        errors
            .When(incidentAt > author.At + FutureTolerance, "incidentAt", "'incidentAt' cannot be in the future.")
            .When(incidentDate < dateOfBirth, "incidentAt", "'incidentAt' cannot be before the young person's date of birth.")
            .When(request.Kind == CriticalIncidentKind.PregnancyUnder16 && incidentDate >= dateOfBirth && YoungPerson.AgeOn(dateOfBirth, incidentDate) >= 16,
                "kind", "'PregnancyUnder16' is for a young person under 16 on the date of the incident.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var id = Guid.CreateVersion7(author.At);
        var incident = CriticalIncident.Raise(id, youngPersonId, request.Kind!.Value, Service, $"critical-incident:{id}", incidentAt,
            author.At, options.Value.Deadline, request.Summary, author);
        db.Set<CriticalIncident>().Add(incident);
        outbox.Add(incident.Raised(author.At));
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/referrals/critical-incidents/{incident.Id}", CriticalIncidentResponse.From(incident, null, author.At));
    }
}
