using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.StrategyMeetings;

public static class StrategyMeetingEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public sealed record AddendumRequest(string? Text);

    public sealed record CompleteActionRequest(string? Note);

    public static IEndpointRouteBuilder MapStrategyMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/referrals/strategy-meetings").RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings");
        meetings.MapPost("/", DraftAsync).WithName("DraftStrategyMeeting")
            .WithSummary("Start a strategy meeting record (a draft) about one or more young people, optionally linked to their s47 pathways.");
        meetings.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateStrategyMeeting")
            .WithSummary("Save the whole draft again; a finalised meeting is 409 (add an addendum instead).");
        meetings.MapGet("/{id:guid}", GetAsync).WithName("GetStrategyMeeting")
            .WithSummary("One meeting with its tracked actions and addenda.");
        meetings.MapPost("/{id:guid}/finalise", FinaliseAsync).WithName("FinaliseStrategyMeeting")
            .WithSummary("Finalise a complete record; 422 names each missing field (REF-11) and a chair below service manager for organised abuse (REF-13).");
        meetings.MapPost("/{id:guid}/addenda", AddAddendumAsync).WithName("AddStrategyMeetingAddendum")
            .WithSummary("Add a correction or later information to a finalised meeting, as a new entry pointing at it.");

        var actions = app.MapGroup("/api/referrals/strategy-actions").RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings");
        actions.MapGet("/", ListActionsAsync).WithName("ListStrategyActions")
            .WithSummary("A young person's strategy actions (youngPersonId), and/or only the overdue ones (overdue=true), for one child or overall.");
        actions.MapPost("/{id:guid}/complete", CompleteActionAsync).WithName("CompleteStrategyAction")
            .WithSummary("Record that a strategy action was done (REF-11: every action is tracked until completed).");

        app.MapGet("/api/referrals/young-people/{id:guid}/strategy-meetings", ForYoungPersonAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Strategy meetings").AuditsReadOf(SubjectType)
            .WithName("GetYoungPersonStrategyMeetings")
            .WithSummary("Every finalised meeting that discussed this child, with this child's decisions and actions (REF-12).");
        return app;
    }

    private static async Task<Results<Created<StrategyMeetingResponse>, ValidationProblem, ProblemHttpResult>> DraftAsync(
        StrategyMeetingRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shape = request.CheckShape();
        if (shape.Any)
        {
            return shape.ToBadRequest();
        }
        var references = await request.CheckReferencesAsync(db, cancellationToken);
        if (references.Any)
        {
            return references.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var meeting = StrategyMeeting.Draft(request.ToContent(), author);
        db.StrategyMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/strategy-meetings/{meeting.Id}", StrategyMeetingResponse.From(meeting, [], [], author.At));
    }

    private static async Task<Results<Ok<StrategyMeetingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, StrategyMeetingRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shape = request.CheckShape();
        if (shape.Any)
        {
            return shape.ToBadRequest();
        }
        var meeting = await db.StrategyMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        if (meeting.Status != StrategyMeetingStatus.Draft)
        {
            return Conflict($"The meeting is {meeting.Status}: it cannot change. Add an addendum instead.");
        }
        var references = await request.CheckReferencesAsync(db, cancellationToken);
        if (references.Any)
        {
            return references.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        meeting.Update(request.ToContent(), author);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The draft was saved by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, [], [], author.At));
    }

    private static async Task<Results<Ok<StrategyMeetingResponse>, NotFound>> GetAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var meeting = await db.StrategyMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        var actions = await db.StrategyActions.AsNoTracking().Include(a => a.Completion).Where(a => a.MeetingId == id).ToListAsync(cancellationToken);
        var addenda = await db.StrategyMeetingAddenda.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(cancellationToken);
        // A meeting record is part of every named child's record: reading it is a read of each (REC-08).
        await accessLog.RecordAsync(SubjectType, meeting.YoungPersonIds, AccessActions.Read, cancellationToken);
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, actions, addenda, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<StrategyMeetingResponse>, NotFound, ProblemHttpResult>> FinaliseAsync(
        Guid id, ReferralsDbContext db, IOutbox outbox, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var meeting = await db.StrategyMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        if (meeting.Status != StrategyMeetingStatus.Draft)
        {
            return Conflict($"The meeting is already {meeting.Status}.");
        }
        var children = meeting.YoungPersonIds;
        var flagged = await db.OrganisedAbuseFlags.AnyAsync(f => children.Contains(f.YoungPersonId), cancellationToken);
        var author = user.ToAuthor(clock);
        var missing = meeting.CheckComplete(flagged, author.At);
        if (missing.Count > 0)
        {
            var errors = new ValidationErrors();
            foreach (var violation in missing)
            {
                errors.Add(violation.Field, violation.Message);
            }
            return errors.ToUnprocessable();
        }
        var actions = meeting.Finalise(flagged, author);
        db.StrategyActions.AddRange(actions);
        // REF-12: each child's decisions and actions travel separately, so each child's chronology gets its own.
        outbox.Add(new StrategyMeetingFinalised
        {
            MeetingId = meeting.Id,
            HeldAt = meeting.HeldAt!.Value,
            ChairId = meeting.Chair!.Name!,
            ChairGrade = meeting.Chair.Grade!.Value.ToString(),
            OrganisedOrMultipleAbuse = flagged,
            Children = children.Select(child => new StrategyMeetingChild
            {
                YoungPersonId = child,
                Decisions = meeting.DecisionsFor(child).Select(d => d.Text!.Trim()).ToList(),
                Actions = actions.Where(a => a.YoungPersonId == child).Select(a => new StrategyMeetingAction
                {
                    ActionId = a.Id, Description = a.Description, Owner = a.Owner, DueAt = a.DueAt,
                }).ToList(),
            }).ToList(),
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The meeting was changed by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, actions, [], author.At));
    }

    private static async Task<Results<Created<AddendumResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddAddendumAsync(
        Guid id, AddendumRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("text", request.Text, 8000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var meeting = await db.StrategyMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var addendum = StrategyMeetingAddendum.To(meeting, request.Text!.Trim(), user.ToAuthor(clock));
            db.StrategyMeetingAddenda.Add(addendum);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/referrals/strategy-meetings/{id}", AddendumResponse.From(addendum));
        }
        catch (DomainConflictException conflict)
        {
            return Conflict(conflict.Message);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<StrategyActionResponse>>, ValidationProblem>> ListActionsAsync(
        Guid? youngPersonId, bool? overdue, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(youngPersonId is null && overdue != true, "youngPersonId", "Give 'youngPersonId' or 'overdue=true'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.StrategyActions.AsNoTracking().Include(a => a.Completion).AsQueryable();
        if (youngPersonId is { } child)
        {
            query = query.Where(a => a.YoungPersonId == child);
        }
        if (overdue == true)
        {
            query = query.Where(a => a.Completion == null && a.DueAt < now);
        }
        var list = await query.OrderBy(a => a.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(SubjectType, list.Select(a => a.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StrategyActionResponse>>(list.Select(a => StrategyActionResponse.From(a, now)).ToList());
    }

    private static async Task<Results<Ok<StrategyActionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteActionAsync(
        Guid id, CompleteActionRequest? request, ReferralsDbContext db, IOutbox outbox, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().MaxLength("note", request?.Note, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var action = await db.StrategyActions.Include(a => a.Completion).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        try
        {
            var completion = action.Complete(string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim(), author);
            db.StrategyActionCompletions.Add(completion);
            outbox.Add(new StrategyActionCompleted
            {
                ActionId = action.Id,
                MeetingId = action.MeetingId,
                YoungPersonId = action.YoungPersonId,
                CompletedLate = completion.Late,
                RecordedBy = author.UserId,
                OccurredAt = author.At,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return Conflict(conflict.Message);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("The action was completed by someone else at the same time.");
        }
        return TypedResults.Ok(StrategyActionResponse.From(action, author.At));
    }

    private static async Task<Ok<IReadOnlyList<ChildMeetingResponse>>> ForYoungPersonAsync(
        Guid id, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var meetings = await db.StrategyMeetings.AsNoTracking()
            .Where(m => m.Status == StrategyMeetingStatus.Finalised && m.YoungPersonIds.Contains(id))
            .OrderByDescending(m => m.HeldAt).ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var actions = await db.StrategyActions.AsNoTracking().Include(a => a.Completion)
            .Where(a => a.YoungPersonId == id && meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        var addenda = await db.StrategyMeetingAddenda.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ChildMeetingResponse>>(meetings.Select(m => new ChildMeetingResponse(
            m.Id, LondonTime.Of(m.HeldAt!.Value), m.Chair!, m.Attendees, m.OrganisedOrMultipleAbuse,
            m.ChildViews.FirstOrDefault(v => v.YoungPersonId == id), m.FamilyView,
            m.DecisionsFor(id).Select(d => d.Text!).ToList(), m.NoFurtherAction, m.NoFurtherActionRationale,
            actions.Where(a => a.MeetingId == m.Id).OrderBy(a => a.DueAt).Select(a => StrategyActionResponse.From(a, now)).ToList(),
            addenda.Where(a => a.MeetingId == m.Id).OrderBy(a => a.RecordedAt).Select(AddendumResponse.From).ToList(),
            m.YoungPersonIds.Where(other => other != id).ToList(), LondonTime.Of(m.FinalisedAt!.Value), m.FinalisedBy!)).ToList());
    }

    private static ProblemHttpResult Conflict(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);
}
