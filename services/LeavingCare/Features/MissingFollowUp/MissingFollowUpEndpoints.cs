using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.LeavingCare.Features.CareLeavers;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.MissingFollowUp;

/// <summary>
/// LC-04: the adviser's follow-up tasks when a care leaver is reported missing, and closing a leaving-care record
/// (LC-02: an explicit manager's decision with the young person's views; "lost contact" refused while an episode is
/// open).
/// </summary>
public static class MissingFollowUpEndpoints
{
    public sealed record FollowUpTaskResponse(
        Guid Id, Guid YoungPersonId, Guid EpisodeId, FollowUpStep Step, string? AssignedTo, LondonTime DueAt, bool Overdue,
        bool Completed, LondonTime? CompletedAt, string? CompletedBy, string? CompletionNote)
    {
        public static FollowUpTaskResponse From(FollowUpTask t, DateTimeOffset now) => new(
            t.Id, t.YoungPersonId, t.EpisodeId, t.Step, t.AssignedTo, LondonTime.Of(t.DueAt), t.IsOverdueAt(now), t.CompletedAt is not null,
            LondonTime.Of(t.CompletedAt), t.CompletedBy, t.CompletionNote);
    }

    public sealed record CompleteRequest(string? Note);

    public sealed record ClosureRequest(ClosureReason? Reason, string? YoungPersonsViews, string? Rationale);

    public sealed record ClosureResponse(Guid Id, Guid YoungPersonId, ClosureReason Reason, string YoungPersonsViews, string Rationale, LondonTime RecordedAt, string RecordedBy);

    public static IEndpointRouteBuilder MapMissingFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leavingcare").WithTags("Missing follow-up");
        api.MapGet("/follow-up-tasks", ListAsync).RequireAuthorization(Access.LeavingCareTeam).WithName("ListFollowUpTasks")
            .WithSummary("Follow-up tasks for missing care leavers: an adviser's own, or all for a manager; soonest due first (audited).");
        api.MapPost("/follow-up-tasks/{id:guid}/complete", CompleteAsync).RequireAuthorization(Access.LeavingCareTeam).WithName("CompleteFollowUpTask")
            .WithSummary("Complete a follow-up task with a note, once (LC-04).");
        api.MapPost("/young-people/{id:guid}/closure", CloseAsync).RequireAuthorization(Policies.TeamManagers).WithName("CloseLeavingCareRecord")
            .WithSummary("Close a leaving-care record with the young person's views (LC-02); 'LostContact' is refused while a missing episode is open (LC-04).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<FollowUpTaskResponse>>> ListAsync(
        Guid? youngPersonId, bool? includeCompleted, ClaimsPrincipal user, LeavingCareDbContext db, IAccessLog accessLog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var query = db.Set<FollowUpTask>().AsNoTracking();
        if (!user.IsManager())
        {
            var me = user.UserId();
            query = query.Where(t => t.AssignedTo == me);
        }
        if (youngPersonId is { } person)
        {
            query = query.Where(t => t.YoungPersonId == person);
        }
        if (includeCompleted != true)
        {
            query = query.Where(t => t.CompletedAt == null);
        }
        var tasks = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Step).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CareLeaverEndpoints.SubjectType, tasks.Select(t => t.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<FollowUpTaskResponse>>(tasks.Select(t => FollowUpTaskResponse.From(t, now)).ToList());
    }

    private static async Task<Results<Ok<FollowUpTaskResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> CompleteAsync(
        Guid id, CompleteRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("note", request.Note, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var task = await db.Set<FollowUpTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.IsManager() && task.AssignedTo != user.UserId())
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        if (!task.Complete(request.Note!, author))
        {
            return Conflicts.Problem("This task is already completed.");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflicts.Problem("This task is already completed.");
        }
        return TypedResults.Ok(FollowUpTaskResponse.From(task, author.At));
    }

    private static async Task<Results<Created<ClosureResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CloseAsync(
        Guid id, ClosureRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("reason", request.Reason)
            .Required("youngPersonsViews", request.YoungPersonsViews, 4000)
            .Required("rationale", request.Rationale, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture?.OnCaseloadSince is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Set<CareLeaverClosure>().AnyAsync(c => c.YoungPersonId == id, cancellationToken))
        {
            return Conflicts.Problem("This leaving-care record is already closed.");
        }
        if (request.Reason == ClosureReason.LostContact && await OpenEpisodeAsync(db, id, cancellationToken) is { } episodeId)
        {
            // LC-04, Casey-K18: a care leaver who is missing is looked for, not closed as lost contact.
            return TypedResults.Problem(title: "A missing episode is open: the record cannot be closed as lost contact.",
                detail: "Follow up the missing episode; close the record once the young person has returned, with their views.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["openEpisodeId"] = episodeId });
        }
        var closure = CareLeaverClosure.Record(id, request.Reason!.Value, request.YoungPersonsViews!, request.Rationale!, user.ToAuthor(clock, Access.ManagerRoles));
        db.Set<CareLeaverClosure>().Add(closure);
        outbox.Add(closure.ViewsRecorded());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Conflicts.Problem("This leaving-care record is already closed.");
        }
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/leaving-care",
            new ClosureResponse(closure.Id, id, closure.Reason, closure.YoungPersonsViews, closure.Rationale, LondonTime.Of(closure.RecordedAt), closure.RecordedBy));
    }

    /// <summary>An episode Missing reported whose return has not been announced yet (learnt from events only).</summary>
    public static async Task<Guid?> OpenEpisodeAsync(LeavingCareDbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        var facts = db.PictureEvents.Where(e => e.YoungPersonId == youngPersonId);
        return await facts.Where(e => e.Kind == PictureEventKinds.MissingEpisodeReported)
            .Where(e => !facts.Any(r => r.Kind == PictureEventKinds.YoungPersonReturned && r.ReferenceId == e.ReferenceId))
            .OrderByDescending(e => e.OccurredAt).Select(e => (Guid?)e.ReferenceId).FirstOrDefaultAsync(cancellationToken);
    }

}
