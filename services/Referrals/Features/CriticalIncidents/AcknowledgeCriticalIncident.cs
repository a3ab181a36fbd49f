using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>
/// REF-22: a senior manager acknowledges an incident, with a note of what they have done or asked for. Once only (409
/// after); an acknowledgement after the deadline is still recorded, marked late, never refused.
/// </summary>
public static class AcknowledgeCriticalIncident
{
    public sealed record Request(string? Note);

    public static async Task<Results<Ok<CriticalIncidentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("note", request.Note, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var incident = await db.Set<CriticalIncident>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Set<CriticalIncidentAcknowledgement>().AnyAsync(a => a.IncidentId == id, cancellationToken))
        {
            return Conflicts.Problem("This critical incident has already been acknowledged.");
        }
        var acknowledgement = CriticalIncidentAcknowledgement.Of(incident, request.Note!, user.ToAuthor(clock, [Roles.SeniorManager]));
        db.Set<CriticalIncidentAcknowledgement>().Add(acknowledgement);
        outbox.Add(incident.Announced(acknowledgement));
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is not null)
        {
            return Conflicts.Problem("This critical incident has already been acknowledged.");
        }
        return TypedResults.Ok(CriticalIncidentResponse.From(incident, acknowledgement, acknowledgement.AcknowledgedAt));
    }
}
