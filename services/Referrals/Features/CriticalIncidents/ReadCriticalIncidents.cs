using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.CriticalIncidents;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>
/// REF-22: the senior-manager queue. Not acknowledged first (escalated, then soonest deadline), at most 500; each young
/// person shown is an audited read.
/// </summary>
public static class ReadCriticalIncidents
{
    public static async Task<Results<Ok<IReadOnlyList<CriticalIncidentResponse>>, ValidationProblem>> ListAsync(
        string? status, Guid? youngPersonId, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "open" or "overdue" or "all"), "status", "'status' is 'open' (default), 'overdue' or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.Set<CriticalIncident>().AsNoTracking()
            .GroupJoin(db.Set<CriticalIncidentAcknowledgement>(), i => i.Id, a => a.IncidentId, (i, a) => new { i, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.i, a });
        if (youngPersonId is { } person)
        {
            query = query.Where(x => x.i.YoungPersonId == person);
        }
        query = status switch
        {
            "all" => query,
            "overdue" => query.Where(x => x.a == null && x.i.AcknowledgeBy < now),
            _ => query.Where(x => x.a == null),
        };
        var rows = await query.OrderBy(x => x.a != null).ThenBy(x => x.i.EscalatedAt == null).ThenBy(x => x.i.AcknowledgeBy).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(r => r.i.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CriticalIncidentResponse>>(rows.Select(r => CriticalIncidentResponse.From(r.i, r.a, now)).ToList());
    }

    public static async Task<Results<Ok<CriticalIncidentResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var incident = await db.Set<CriticalIncident>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return TypedResults.NotFound();
        }
        var acknowledgement = await db.Set<CriticalIncidentAcknowledgement>().AsNoTracking().SingleOrDefaultAsync(a => a.IncidentId == id, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [incident.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(CriticalIncidentResponse.From(incident, acknowledgement, clock.GetUtcNow()));
    }
}
