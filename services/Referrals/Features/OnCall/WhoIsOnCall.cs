using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.OnCall;
using Support.ServiceDefaults.Time;


namespace Support.Referrals.Features.OnCall;

/// <summary>REF-28: who is on call at an instant, and whether that instant is out of office hours.</summary>
public static class WhoIsOnCall
{
    public static async Task<Ok<OnCallNowResponse>> HandleAsync(
        DateTimeOffset? at, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var instant = (at ?? clock.GetUtcNow()).ToUniversalTime();
        var shift = await OnCallAtAsync(db, instant, cancellationToken);
        return TypedResults.Ok(new OnCallNowResponse(LondonTime.Of(instant), OfficeHours.IsOutOfHours(instant), shift is null ? null : ShiftResponse.From(shift)));
    }

    /// <summary>The shift covering <paramref name="instant"/>; where shifts overlap, the one recorded last.</summary>
    public static Task<OnCallShift?> OnCallAtAsync(ReferralsDbContext db, DateTimeOffset instant, CancellationToken cancellationToken) =>
        db.OnCallShifts.AsNoTracking()
            .Where(s => s.StartsAt <= instant && s.EndsAt > instant)
            .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
