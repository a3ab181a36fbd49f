using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-24: team-manager history, so "who was the manager of team T on date D" has an answer. A new assignment ends the
/// previous one at the same instant; the time is the server's.
/// </summary>
public static class TeamManagers
{
    public sealed record Request(string? Manager);

    public sealed record TeamManagersResponse(string Team, DateOnly? On, IReadOnlyList<PeriodResponse> Managers);

    public static async Task<Results<Created<PeriodResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string team, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("team", team, 100).Required("manager", request.Manager, 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var current = await db.Set<TeamManagerAssignment>().AsNoTracking().Where(a => a.Team == team)
            .OrderByDescending(a => a.ValidFrom).FirstOrDefaultAsync(cancellationToken);
        TeamManagerAssignment assignment;
        try
        {
            assignment = TeamManagerAssignment.Start(team, request.Manager!.Trim(), current, user.ToAuthor(clock, [Roles.SeniorManager, Roles.TeamManager]));
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict);
        }
        db.Add(assignment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return CaseProblems.ConcurrentChange();
        }
        return TypedResults.Created($"/api/referrals/teams/{Uri.EscapeDataString(team)}/manager",
            new PeriodResponse(assignment.Manager, LondonTime.Of(assignment.ValidFrom), null, assignment.RecordedBy));
    }

    public static async Task<Ok<TeamManagersResponse>> GetAsync(string team, DateOnly? on, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var assignments = await db.Set<TeamManagerAssignment>().AsNoTracking().Where(a => a.Team == team).ToListAsync(cancellationToken);
        var periods = Periods.Of(assignments, a => a.ValidFrom);
        if (on is { } day)
        {
            var (from, to) = London.DayOf(day);
            periods = periods.Where(p => p.Overlaps(from, to)).ToList();
        }
        return TypedResults.Ok(new TeamManagersResponse(team, on,
            periods.Select(p => new PeriodResponse(p.Value.Manager, LondonTime.Of(p.ValidFrom), LondonTime.Of(p.ValidTo), p.Value.RecordedBy)).ToList()));
    }
}
