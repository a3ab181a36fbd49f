using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Escalations;

/// <summary>
/// REF-21: "A procedural defect is recorded separately and never voids the escalation." A reviewer notes what was
/// wrong with how it was lodged; the escalation stays open, on the same deadline, until it is answered.
/// </summary>
public static class RecordProceduralDefect
{
    public sealed record Request(string? Description);

    public static async Task<Results<Created<EscalationView>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("description", request.Description?.Trim(), 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var escalation = await db.Set<ProfessionalEscalation>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.SeniorManager, Roles.TeamManager]);
        var defect = ProceduralDefect.Of(escalation, request.Description!, author);
        db.Set<ProceduralDefect>().Add(defect);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/escalations/{id}", (await ReadEscalations.ViewsAsync([escalation], db, author.At, cancellationToken))[0]);
    }
}
