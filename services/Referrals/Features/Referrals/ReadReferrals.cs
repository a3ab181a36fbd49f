using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Features.Deadlines;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Referrals;

public static class ReadReferrals
{
    private const int MaxRows = 500;

    internal static IQueryable<Referral> WithRecords(this IQueryable<Referral> referrals) =>
        referrals.Include(r => r.Decisions).Include(r => r.S47Decisions).Include(r => r.Reclassifications).ThenInclude(c => c.Resolution);

    /// <summary>REF-20: the young person's referrals received before this one, newest first, with outcomes and workers.</summary>
    internal static IReadOnlyList<EarlierReferral> Earlier(IEnumerable<Referral> all, Referral referral) =>
        all.Where(r => r.Id != referral.Id && r.ReceivedAt <= referral.ReceivedAt)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new EarlierReferral(
                r.Id, LondonTime.Of(r.ReceivedAt), r.ReceivedBy, r.CseType, r.Priority, r.Decision?.Outcome, r.Decision?.DecidedBy, LondonTime.Of(r.Decision?.DecidedAt)))
            .ToList();

    internal static async Task<ReferralResponse> ResponseAsync(ReferralsDbContext db, Referral referral, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var siblings = await db.Referrals.AsNoTracking().Include(r => r.Decisions)
            .Where(r => r.YoungPersonId == referral.YoungPersonId && r.ReceivedAt <= referral.ReceivedAt)
            .ToListAsync(cancellationToken);
        return ReferralResponse.From(referral, now, Earlier(siblings, referral));
    }

    /// <summary>One referral with its decision, s47 decisions and reclassification history. The read is audited (REC-08).</summary>
    public static async Task<Results<Ok<ReferralResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().WithRecords().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        // The route's referral id is audited by AuditsReadOf; the child's own access log gets the read too.
        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, [referral.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, referral, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>
    /// A young person's referrals (<c>youngPersonId</c>), or, for managers, every undecided referral past its decision
    /// deadline with how late it is (<c>overdue=true</c>), or still undecided and due later today in London
    /// (<c>dueToday=true</c>), or only those past their escalation point, the senior
    /// manager's list (<c>escalated=true</c>); most overdue first (REF-04).
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ReferralSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid? youngPersonId, bool? overdue, bool? dueToday, bool? escalated, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(youngPersonId is null && overdue != true && dueToday != true && escalated != true, "youngPersonId",
                "Give 'youngPersonId', 'overdue=true', 'dueToday=true' or 'escalated=true'.")
            .When(overdue == true && dueToday == true, "dueToday", DueToday.BothGiven);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if ((overdue == true || dueToday == true || escalated == true) && !user.IsInRole(Roles.TeamManager) && !user.IsInRole(Roles.SeniorManager))
        {
            return ReferralProblems.Forbidden("The overdue, due-today and escalated referral lists are for team and senior managers (REF-04).");
        }
        var now = clock.GetUtcNow();
        var query = db.Referrals.AsNoTracking();
        if (youngPersonId is { } id)
        {
            query = query.Where(r => r.YoungPersonId == id);
        }
        if (overdue == true)
        {
            query = query.Where(r => r.DecidedAt == null && r.DecisionDueAt < now);
        }
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(r => r.DecidedAt == null && r.DecisionDueAt >= from && r.DecisionDueAt < until);
        }
        if (escalated == true)
        {
            query = query.Where(r => r.DecidedAt == null && r.EscalatesAt < now);
        }
        var referrals = await query.OrderBy(r => r.DecisionDueAt).Take(MaxRows).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, referrals.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReferralSummary>>(referrals.Select(r => ReferralSummary.From(r, now)).ToList());
    }
}
