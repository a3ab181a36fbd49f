using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>What is overdue on an adviser's caseload, or everyone's for a manager (each young person listed is audited).</summary>
public static class ListOverdue
{
    public static async Task<Ok<List<OverdueItem>>> HandleAsync(
        ClaimsPrincipal user, LeavingCareDbContext db, IAccessLog accessLog, IOptions<LeavingCareOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var o = options.Value;
        var today = London.Today(clock);
        var scope = db.Pictures.AsNoTracking().Where(p => p.DateOfBirth != null && p.SupportUntil > today);
        if (!user.IsManager())
        {
            var me = user.UserId();
            scope = scope.Where(p => p.AdviserUserId == me);
        }
        // LC-03: a looked-after young person needs a pathway plan from the 16th birthday, reviewed every 6 months.
        var plans = await scope.Where(p => p.LookedAfter && p.PathwayPlanFrom <= today)
            .Select(p => new
            {
                p.YoungPersonId, p.PathwayPlanFrom, p.AdviserUserId,
                Latest = db.PathwayPlanReviews.Where(r => r.YoungPersonId == p.YoungPersonId).Max(r => (DateOnly?)r.ReviewedOn),
            })
            .Take(5000).ToListAsync(cancellationToken);
        var items = new List<OverdueItem>();
        foreach (var plan in plans)
        {
            var due = plan.Latest is { } latest ? latest.AddMonths(o.PathwayPlanReviewMonths) : plan.PathwayPlanFrom!.Value;
            if (due <= today)
            {
                items.Add(new OverdueItem(plan.YoungPersonId, "", plan.Latest is null ? "PathwayPlanDue" : "PathwayPlanReviewDue", due,
                    today.DayNumber - due.DayNumber, plan.AdviserUserId));
            }
        }
        // LC-03, LC-04: keeping in touch at least every KeepInTouchInterval.
        var contacts = await scope.Where(p => p.OnCaseloadSince != null)
            .Select(p => new { p.YoungPersonId, p.AdviserUserId, Since = p.LastContactAt ?? p.OnCaseloadSince!.Value })
            .Take(5000).ToListAsync(cancellationToken);
        foreach (var c in contacts)
        {
            var due = London.DateOf(c.Since).AddDays(o.KeepInTouchDays);
            if (due <= today)
            {
                items.Add(new OverdueItem(c.YoungPersonId, "", "KeepInTouchDue", due, today.DayNumber - due.DayNumber, c.AdviserUserId));
            }
        }
        // The list names young people: each one listed is an audited read (REC-08).
        var listed = items.Select(i => i.YoungPersonId).Distinct().ToList();
        var names = await AlertEndpoints.NamesAsync(db, listed, cancellationToken);
        await accessLog.RecordAsync(CareLeaverEndpoints.SubjectType, listed, AccessActions.Read, cancellationToken);
        return TypedResults.Ok(items.Select(i => i with { DisplayName = names.GetValueOrDefault(i.YoungPersonId, "") })
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.DueOn).ToList());
    }
}
