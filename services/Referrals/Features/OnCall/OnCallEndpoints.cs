using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.OnCall;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

using WorkingDays = Support.Referrals.Domain.WorkingDays;

namespace Support.Referrals.Features.OnCall;

/// <summary>
/// REF-28: the on-call rota. Managers put a manager on call for a period; a protective deadline breached out of
/// office hours is routed to whoever is on call (<c>S47StageOverdue.OnCallManager</c>) and says so when nobody is.
/// </summary>
public static class OnCallEndpoints
{
    public sealed record Request(string? ManagerId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

    public sealed record ShiftResponse(
        Guid Id, string ManagerId, LondonTime StartsAt, LondonTime EndsAt,
        LondonTime RecordedAt, string RecordedBy)
    {
        public static ShiftResponse From(OnCallShift s) => new(
            s.Id, s.ManagerId, LondonTime.Of(s.StartsAt), LondonTime.Of(s.EndsAt), LondonTime.Of(s.RecordedAt), s.RecordedBy);
    }

    /// <summary>Who is on call at <c>At</c>, and whether that instant is out of office hours at all.</summary>
    public sealed record OnCallNowResponse(LondonTime At, bool OutOfHours, ShiftResponse? OnCall);

    public static IEndpointRouteBuilder MapOnCallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/on-call-shifts").RequireAuthorization(Policies.CaseStaff).WithTags("On call");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RecordOnCallShift").WithSummary("Put a manager on call for a period of at most a week (REF-28); the last recorded shift wins where shifts overlap.");
        group.MapGet("/", WhoIsOnCallAsync)
            .WithName("WhoIsOnCall").WithSummary("The manager on call at an instant (default now), and whether it is out of office hours (REF-28).");
        return app;
    }

    public static async Task<Results<Created<ShiftResponse>, ValidationProblem>> RecordAsync(
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

    public static async Task<Ok<OnCallNowResponse>> WhoIsOnCallAsync(
        DateTimeOffset? at, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var instant = (at ?? clock.GetUtcNow()).ToUniversalTime();
        var shift = await OnCallAtAsync(db, instant, cancellationToken);
        return TypedResults.Ok(new OnCallNowResponse(LondonTime.Of(instant), WorkingDays.IsOutOfHours(instant), shift is null ? null : ShiftResponse.From(shift)));
    }

    /// <summary>The shift covering <paramref name="instant"/>; where shifts overlap, the one recorded last.</summary>
    public static Task<OnCallShift?> OnCallAtAsync(ReferralsDbContext db, DateTimeOffset instant, CancellationToken cancellationToken) =>
        db.OnCallShifts.AsNoTracking()
            .Where(s => s.StartsAt <= instant && s.EndsAt > instant)
            .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
