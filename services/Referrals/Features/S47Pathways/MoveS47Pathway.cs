using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.StrategyMeetings;
using Support.Referrals.Features.Assessments;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>REF-10: moving a pathway to its next stage; illegal moves are 409 naming the current stage.</summary>
public static class MoveS47Pathway
{
    public sealed record Request(S47Stage? ToStage, string? Rationale);

    public static async Task<Results<Ok<S47PathwayResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, IOutbox outbox, InformationSharingProtocol protocol, IOptions<S47Options> options, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("toStage", request.ToStage).MaxLength("rationale", request.Rationale, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var to = request.ToStage!.Value;
        var managers = new[] { Roles.TeamManager, Roles.SeniorManager };
        if (to == S47Stage.NoFurtherAction)
        {
            // REF-09, REF-25: social care closes an s47 pathway only with a manager's rationale.
            if (!managers.Any(user.IsInRole))
            {
                return TypedResults.Forbid();
            }
            if (string.IsNullOrWhiteSpace(request.Rationale))
            {
                return new ValidationErrors().Add("rationale", "No further action needs a team manager's rationale (REF-09, REF-25).").ToUnprocessable();
            }
        }
        var pathway = await db.S47Pathways.Include(p => p.Transitions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pathway is null)
        {
            return TypedResults.NotFound();
        }
        // REF-07: no outcome concludes "no statutory role" while a legal flag on the child waits for a manager's decision.
        if (to == S47Stage.NoFurtherAction && (await LegalFlagRaising.UndecidedAsync(db, pathway.YoungPersonId, cancellationToken)) is [var waiting, ..])
        {
            return new ValidationErrors().Add("safeguardingDecision",
                $"A legal flag ({waiting.Flag}) on this young person has no manager's safeguarding decision yet (task {waiting.Id}): "
                + "record it before concluding no further action (REF-07).").ToUnprocessable();
        }
        var finalisedMeeting = await db.StrategyMeetings.AnyAsync(
            m => m.Status == StrategyMeetingStatus.Finalised && m.PathwayIds.Contains(pathway.Id) && m.YoungPersonIds.Contains(pathway.YoungPersonId),
            cancellationToken);
        var veryHighNow = await S47PathwayStarting.IsVeryHighAsync(db, pathway.YoungPersonId, cancellationToken);
        var author = user.ToAuthor(clock, to == S47Stage.NoFurtherAction ? managers : null);
        try
        {
            var transition = pathway.MoveTo(to, request.Rationale?.Trim(), finalisedMeeting, veryHighNow, options.Value, author);
            outbox.Add(S47PathwayStarting.Reached(pathway, transition));
            if (to == S47Stage.EnquiriesCommenced)
            {
                // REF-17, §4.2: "a core assessment should begin at the same time as a s47 enquiry is initiated"; it is
                // due AssessmentDeadline working days from the referral (the reasonable-cause decision).
                await AssessmentOpening.OpenAsync(db, outbox, protocol, pathway.YoungPersonId, AssessmentKind.S47Core, pathway.Id,
                    WorkingDays.Add(pathway.ReasonableCauseAt, options.Value.AssessmentWorkingDays), author, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return S47PathwayProblems.Conflict(conflict.Message, pathway.Stage);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return S47PathwayProblems.Conflict("The pathway was moved by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(S47PathwayResponse.From(pathway, author.At));
    }
}
