using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Referrals;

/// <summary>OUT-04, REF-02: the referrals the signed-in worker made, as Referrals last announced them, and what they were told.</summary>
public static class MyReferrals
{
    public sealed record ReferralResponse(
        Guid ReferralId, Guid YoungPersonId, CseType? CseType, ReferralPriority? Priority, LondonTime? ReceivedAt, LondonTime? DecisionDueAt,
        ReferralOutcome? Outcome, LondonTime? DecidedAt, bool DecidedLate, int Reclassifications);

    public sealed record NotificationResponse(Guid Id, Guid ReferralId, Guid YoungPersonId, ReferralNotificationKind Kind, string Summary, string? Rationale,
        LondonTime OccurredAt, LondonTime CreatedAt);

    public static async Task<Ok<List<ReferralResponse>>> ReferralsAsync(ClaimsPrincipal user, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var referrals = await db.TrackedReferrals.AsNoTracking().Where(r => r.Referrer == me)
            .OrderByDescending(r => r.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(referrals.Select(r => new ReferralResponse(r.ReferralId, r.YoungPersonId, r.CseType, r.Priority,
            LondonTime.Of(r.ReceivedAt), LondonTime.Of(r.DecisionDueAt), r.Outcome, LondonTime.Of(r.DecidedAt), r.DecidedLate, r.Reclassifications)).ToList());
    }

    public static async Task<Ok<List<NotificationResponse>>> NotificationsAsync(ClaimsPrincipal user, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var notifications = await db.ReferralNotifications.AsNoTracking().Where(n => n.Recipient == me)
            .OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(notifications.Select(n => new NotificationResponse(n.Id, n.ReferralId, n.YoungPersonId, n.Kind, n.Summary, n.Rationale,
            LondonTime.Of(n.OccurredAt), LondonTime.Of(n.CreatedAt))).ToList());
    }
}
