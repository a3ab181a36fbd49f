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
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.S47Pathways;

public static class S47PathwayEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public sealed record StartS47PathwayRequest(Guid? YoungPersonId, Guid? ReferralId);

    public sealed record S47TransitionRequest(S47Stage? ToStage, string? Rationale);

    public static IEndpointRouteBuilder MapS47PathwayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/s47-pathways").RequireAuthorization(Policies.CaseStaff).WithTags("s47 pathways");
        group.MapPost("/", StartAsync).WithName("StartS47Pathway")
            .WithSummary("Start an s47 pathway at ReasonableCause for a young person (REF-10).");
        group.MapGet("/", ListAsync).WithName("ListS47Pathways")
            .WithSummary("A young person's pathways (youngPersonId), or every pathway whose current stage is past its deadline (overdue=true) or due later today in London (dueToday=true).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetS47Pathway")
            .WithSummary("One pathway with its stage, deadline (UTC and Europe/London) and history.");
        group.MapPost("/{id:guid}/transitions", TransitionAsync).WithName("MoveS47Pathway")
            .WithSummary("Move a pathway to its next stage; 409 names the current stage when the move is not on the pathway.");
        return app;
    }

    private static async Task<Results<Created<S47PathwayResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartS47PathwayRequest request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        if (!await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            return new ValidationErrors().Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        if (request.ReferralId is { } referralId && await db.S47Pathways.AnyAsync(p => p.ReferralId == referralId, cancellationToken))
        {
            return Conflict("An s47 pathway has already been started for this referral.");
        }
        var author = user.ToAuthor(clock);
        // Started by hand: the reasonable-cause decision is being recorded now, by this person.
        var pathway = await S47PathwayStarting.StartAsync(db, outbox, options.Value, youngPersonId, request.ReferralId, author.At, author, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("An s47 pathway has already been started for this referral.");
        }
        return TypedResults.Created($"/api/referrals/s47-pathways/{pathway.Id}", S47PathwayResponse.From(pathway, author.At));
    }

    private static async Task<Results<Ok<IReadOnlyList<S47PathwayResponse>>, ValidationProblem>> ListAsync(
        Guid? youngPersonId, bool? overdue, bool? dueToday, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(youngPersonId is null && overdue != true && dueToday != true, "youngPersonId", "Give 'youngPersonId', 'overdue=true' or 'dueToday=true'.")
            .When(overdue == true && dueToday == true, "dueToday", DueToday.BothGiven);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.S47Pathways.AsNoTracking().Include(p => p.Transitions).AsQueryable();
        if (youngPersonId is { } id)
        {
            query = query.Where(p => p.YoungPersonId == id);
        }
        if (overdue == true)
        {
            // Outcomes have no deadline, so every row with a deadline in the past is an overdue state (REF-10).
            query = query.Where(p => p.DueAt != null && p.DueAt < now);
        }
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(p => p.DueAt != null && p.DueAt >= from && p.DueAt < until);
        }
        var pathways = await query.OrderBy(p => p.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(SubjectType, pathways.Select(p => p.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<S47PathwayResponse>>(pathways.Select(p => S47PathwayResponse.From(p, now)).ToList());
    }

    private static async Task<Results<Ok<S47PathwayResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pathway = await db.S47Pathways.AsNoTracking().Include(p => p.Transitions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pathway is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(SubjectType, [pathway.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(S47PathwayResponse.From(pathway, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<S47PathwayResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> TransitionAsync(
        Guid id, S47TransitionRequest request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, ClaimsPrincipal user,
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
        var finalisedMeeting = await db.StrategyMeetings.AnyAsync(
            m => m.Status == StrategyMeetingStatus.Finalised && m.PathwayIds.Contains(pathway.Id) && m.YoungPersonIds.Contains(pathway.YoungPersonId),
            cancellationToken);
        var veryHighNow = await S47PathwayStarting.IsVeryHighAsync(db, pathway.YoungPersonId, cancellationToken);
        var author = user.ToAuthor(clock, to == S47Stage.NoFurtherAction ? managers : null);
        try
        {
            var transition = pathway.MoveTo(to, request.Rationale?.Trim(), finalisedMeeting, veryHighNow, options.Value, author);
            outbox.Add(S47PathwayStarting.Reached(pathway, transition));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return Conflict(conflict.Message, pathway.Stage);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("The pathway was moved by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(S47PathwayResponse.From(pathway, author.At));
    }

    private static ProblemHttpResult Conflict(string title, S47Stage? currentStage = null) => TypedResults.Problem(
        title: title, statusCode: StatusCodes.Status409Conflict,
        extensions: currentStage is { } stage ? new Dictionary<string, object?> { ["currentStage"] = stage.ToString() } : null);
}
