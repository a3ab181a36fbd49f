using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21: "Open escalations appear on the senior manager's dashboard with their age in days." The managers' list
/// (open by default: oldest first, so the one waiting longest is on top), one escalation, and the lodger's own list so
/// whoever escalated sees the answer. Every young person shown is an audited read.
/// </summary>
public static class ReadEscalations
{
    public const int Limit = 500;

    public static async Task<Results<Ok<IReadOnlyList<EscalationView>>, ValidationProblem>> ListAsync(
        string? status, Guid? youngPersonId, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "open" or "overdue" or "all"), "status", "'status' is 'open' (default), 'overdue' or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var escalations = db.Set<ProfessionalEscalation>().AsNoTracking();
        if (youngPersonId is { } person)
        {
            escalations = escalations.Where(e => e.YoungPersonId == person);
        }
        var answered = db.Set<EscalationResponse>().Select(r => r.EscalationId);
        escalations = status switch
        {
            "all" => escalations,
            "overdue" => escalations.Where(e => !answered.Contains(e.Id) && e.RespondBy < now),
            _ => escalations.Where(e => !answered.Contains(e.Id)),
        };
        var rows = await escalations.OrderBy(e => e.LodgedAt).ThenBy(e => e.Id).Take(Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(await AuditedViewsAsync(rows, db, accessLog, now, cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<EscalationView>>> MineAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var rows = await db.Set<ProfessionalEscalation>().AsNoTracking().Where(e => e.LodgedBy == me)
            .OrderByDescending(e => e.LodgedAt).ThenBy(e => e.Id).Take(Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(await AuditedViewsAsync(rows, db, accessLog, clock.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<EscalationView>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var escalation = await db.Set<ProfessionalEscalation>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await AuditedViewsAsync([escalation], db, accessLog, clock.GetUtcNow(), cancellationToken))[0]);
    }

    private static async Task<IReadOnlyList<EscalationView>> AuditedViewsAsync(
        List<ProfessionalEscalation> rows, ReferralsDbContext db, IAccessLog accessLog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(e => e.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return await ViewsAsync(rows, db, now, cancellationToken);
    }

    /// <summary>The escalations with their responses and procedural defects, read in two queries whatever their number.</summary>
    internal static async Task<IReadOnlyList<EscalationView>> ViewsAsync(
        IReadOnlyList<ProfessionalEscalation> rows, ReferralsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(e => e.Id).ToList();
        var responses = await db.Set<EscalationResponse>().AsNoTracking().Where(r => ids.Contains(r.EscalationId))
            .ToDictionaryAsync(r => r.EscalationId, cancellationToken);
        var defects = (await db.Set<ProceduralDefect>().AsNoTracking().Where(d => ids.Contains(d.EscalationId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.EscalationId);
        return [.. rows.Select(e => EscalationView.From(e, responses.GetValueOrDefault(e.Id), defects[e.Id], now))];
    }
}
