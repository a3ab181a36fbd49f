using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Referrals.Data;
using Support.Referrals.Domain.OnCall;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.OnCall;

/// <summary>REF-28: a manager puts a manager on call for a period of at most a week.</summary>
public static class RecordOnCallShift
{
    public sealed record Request(string? ManagerId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

    public static async Task<Results<Created<ShiftResponse>, ValidationProblem>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("managerId", request.ManagerId, 200)
            .Required("startsAt", request.StartsAt)
            .Required("endsAt", request.EndsAt);
        if (request is { StartsAt: { } starts, EndsAt: { } ends })
        {
            errors.When(ends <= starts, "endsAt", "'endsAt' must be after 'startsAt'.")
                .When(ends - starts > OnCallShift.LongestShift, "endsAt", "A shift lasts at most 7 days.")
                .When(ends <= clock.GetUtcNow(), "endsAt", "The shift has already ended.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var shift = OnCallShift.Record(request.ManagerId!, request.StartsAt!.Value, request.EndsAt!.Value,
            user.ToAuthor(clock, [Roles.SeniorManager, Roles.TeamManager]));
        db.OnCallShifts.Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/on-call-shifts?at={Uri.EscapeDataString(shift.StartsAt.ToString("O"))}", ShiftResponse.From(shift));
    }
}
