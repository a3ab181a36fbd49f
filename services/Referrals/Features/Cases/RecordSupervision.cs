using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-18 and REC-06: a manager records supervision of an open case with the working hypothesis, the alternatives
/// considered, whether the hypothesis was challenged, what was discussed and decided, and whether the supervisor is
/// social-work registered. The supervisor is the signed-in manager, never typed. A supervisor who was not the lead
/// team's manager when it happened gives a reason (422 naming <c>notTeamManagerReason</c> otherwise).
/// </summary>
public static class RecordSupervision
{
    public sealed record Request(
        DateTimeOffset? OccurredAt, string? CurrentHypothesis, string? AlternativesConsidered, bool? HypothesisChallenged, string? Discussion,
        bool? SocialWorkRegistered, string? NotTeamManagerReason);

    public sealed record SupervisionResponse(
        Guid Id, Guid CaseId, LondonTime OccurredAt, string CurrentHypothesis, string AlternativesConsidered, bool HypothesisChallenged,
        string Discussion, string Supervisor, string SupervisorRole, bool SocialWorkRegistered, string? NotTeamManagerReason, LondonTime RecordedAt)
    {
        public static SupervisionResponse From(CaseSupervision s) => new(
            s.Id, s.CaseId, LondonTime.Of(s.OccurredAt), s.CurrentHypothesis, s.AlternativesConsidered, s.HypothesisChallenged, s.Discussion,
            s.Supervisor, s.SupervisorRole, s.SocialWorkRegistered, s.NotTeamManagerReason, LondonTime.Of(s.RecordedAt));
    }

    public static async Task<Results<Created<SupervisionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("occurredAt", request.OccurredAt)
            .Required("currentHypothesis", request.CurrentHypothesis, 4000)
            .Required("alternativesConsidered", request.AlternativesConsidered, 4000)
            .Required("hypothesisChallenged", request.HypothesisChallenged)
            .Required("discussion", request.Discussion, 8000)
            .Required("socialWorkRegistered", request.SocialWorkRegistered)
            .MaxLength("notTeamManagerReason", request.NotTeamManagerReason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        var occurredAt = request.OccurredAt!.Value.ToUniversalTime();
        if (EventDates.Problem("occurredAt", occurredAt, await db.DateOfBirthOfAsync(@case.YoungPersonId, cancellationToken), author.At) is { } dateProblem)
        {
            errors.Add("occurredAt", dateProblem);
        }
        else if (occurredAt < @case.OpenedAt)
        {
            errors.Add("occurredAt", "'occurredAt' cannot be before the case was opened.");
        }
        // REC-06: "supervision notes ... appeared to have been completed by someone other than the team manager. The
        // reasons for this were not recorded". The team's manager on the day is the lead team's latest assignment by then.
        var leadTeam = await db.Set<CaseLeadTeam>().AsNoTracking().Where(t => t.CaseId == id && t.ValidFrom <= occurredAt)
            .OrderByDescending(t => t.ValidFrom).Select(t => t.Team).FirstOrDefaultAsync(cancellationToken) ?? @case.LeadTeam;
        var teamManager = await db.Set<TeamManagerAssignment>().AsNoTracking().Where(a => a.Team == leadTeam && a.ValidFrom <= occurredAt)
            .OrderByDescending(a => a.ValidFrom).Select(a => a.Manager).FirstOrDefaultAsync(cancellationToken);
        var reason = string.IsNullOrWhiteSpace(request.NotTeamManagerReason) ? null : request.NotTeamManagerReason.Trim();
        errors.When(teamManager != author.UserId && reason is null, "notTeamManagerReason",
            $"You were not the manager of team '{leadTeam}' when this supervision took place: say why you gave it.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        CaseSupervision supervision;
        try
        {
            supervision = CaseSupervision.Record(@case, occurredAt, request.CurrentHypothesis!.Trim(), request.AlternativesConsidered!.Trim(),
                request.HypothesisChallenged!.Value, request.Discussion!.Trim(), request.SocialWorkRegistered!.Value,
                teamManager == author.UserId ? null : reason, author);
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        db.CaseSupervisions.Add(supervision);
        outbox.Add(new CaseSupervisionRecorded
        {
            SupervisionId = supervision.Id, CaseId = supervision.CaseId, YoungPersonId = supervision.YoungPersonId, SupervisedAt = supervision.OccurredAt,
            Supervisor = supervision.Supervisor, SupervisorRole = supervision.SupervisorRole, SocialWorkRegistered = supervision.SocialWorkRegistered,
            HypothesisChallenged = supervision.HypothesisChallenged, OccurredAt = supervision.RecordedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/cases/{id}/supervision", SupervisionResponse.From(supervision));
    }
}
