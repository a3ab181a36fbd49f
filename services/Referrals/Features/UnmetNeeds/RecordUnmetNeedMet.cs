using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.UnmetNeeds;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.UnmetNeeds;

/// <summary>
/// COM-05: an unmet need Referrals recorded was met after all (a foster placement found, a service that became
/// available). It stays recorded, with the date it was met and how, and <c>UnmetNeedResolved</c> tells the platform's
/// ledger, whose reports stop counting its time unmet from that date. A need is met once.
/// </summary>
public static class RecordUnmetNeedMet
{
    public const int MaxHowLength = 1000;

    public sealed record Request(DateOnly? MetOn, string? How);

    public static async Task<Results<Created<UnmetNeedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Guid needId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("metOn", request.MetOn)
            .Required("how", request.How, MaxHowLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var need = await db.UnmetNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && n.YoungPersonId == id, cancellationToken);
        if (need is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var metOn = request.MetOn!.Value;
        if (EventDates.Problem("metOn", metOn, null, author.At) is { } problem)
        {
            return errors.Add("metOn", problem).ToUnprocessable();
        }
        if (metOn < need.Since)
        {
            return errors.Add("metOn", $"'metOn' is before the need was recorded as unmet ({need.Since:yyyy-MM-dd}).").ToUnprocessable();
        }
        if (await db.UnmetNeedsMet.AnyAsync(m => m.UnmetNeedId == needId, cancellationToken))
        {
            return AlreadyMet();
        }
        var met = UnmetNeedMet.Record(need, metOn, request.How!.Trim(), author);
        db.UnmetNeedsMet.Add(met);
        outbox.Add(met.ToResolved(UnmetNeedRegister.Service));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two answers at once: the key lets one in.
            return AlreadyMet();
        }
        return TypedResults.Created($"/api/referrals/young-people/{id}/unmet-needs", UnmetNeedResponse.From(need, met));
    }

    private static ProblemHttpResult AlreadyMet() => Conflicts.Problem(
        "This unmet need is already recorded as met.", "A need is met once; the date and how it was met are on its record.");
}
