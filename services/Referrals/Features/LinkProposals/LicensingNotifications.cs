using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Referrals.Data;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.LinkProposals;

public sealed record LicensingNotificationResponse(
    Guid Id, Guid ProposalId, Guid YoungPersonId, LinkKind Kind, string Value, Licensing Licensing, Guid? OrganisedAbuseNetworkId,
    LondonTime CreatedAt, string CreatedBy, bool Sent, string? SentTo, string? Summary, LondonTime? SentAt, string? SentBy);

/// <summary>
/// INT-05: the police-liaison inbox of licensing notifications. Nothing leaves the platform (the brief's settled rule);
/// police liaison tells licensing and records here what was sent, to whom and when, once.
/// </summary>
public static class LicensingNotifications
{
    public sealed record SentRequest(string? SentTo, string? Summary);

    public static async Task<Results<Ok<IReadOnlyList<LicensingNotificationResponse>>, ValidationProblem>> ListAsync(
        string? status, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "open" or "all"), "status", "'status' is 'open' (default) or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var query = db.Set<LicensingNotification>().AsNoTracking()
            .GroupJoin(db.Set<LicensingNotificationSent>(), n => n.Id, s => s.NotificationId, (n, s) => new { n, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.n, s });
        if (status != "all")
        {
            query = query.Where(x => x.s == null);
        }
        var rows = await query.OrderBy(x => x.s != null).ThenBy(x => x.n.CreatedAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(r => r.n.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LicensingNotificationResponse>>(rows.Select(r => Response(r.n, r.s)).ToList());
    }

    public static async Task<Results<Ok<LicensingNotificationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordSentAsync(
        Guid id, SentRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("sentTo", request.SentTo, 500).Required("summary", request.Summary, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var notification = await db.Set<LicensingNotification>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return TypedResults.NotFound();
        }
        var sent = LicensingNotificationSent.Record(notification, request.SentTo!.Trim(), request.Summary!.Trim(), user.ToAuthor(clock, LinkProposalEndpoints.LicensingInbox));
        db.Add(sent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflicts.Problem("This notification is already recorded as sent.");
        }
        return TypedResults.Ok(Response(notification, sent));
    }

    private static LicensingNotificationResponse Response(LicensingNotification n, LicensingNotificationSent? s) => new(
        n.Id, n.ProposalId, n.YoungPersonId, n.Kind, n.Value, n.Licensing, n.NetworkId, LondonTime.Of(n.CreatedAt), n.CreatedBy,
        s is not null, s?.SentTo, s?.Summary, s is null ? null : LondonTime.Of(s.SentAt), s?.SentBy);
}
