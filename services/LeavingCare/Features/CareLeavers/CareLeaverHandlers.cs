using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.LeavingCare;
using Support.Contracts.Missing;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.LeavingCare.Features.Alerts;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

public sealed record CareLeaverDetailResponse(CareLeaverResponse Record, HandoverPackResponse Pack);

public static class CareLeaverHandlers
{
    /// <summary>A clock on a phone may run a little ahead of ours; more than this is a contact in the future.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The young person as known from the registry events: unknown (no date of birth yet) is a 404.</summary>
    private static Task<YoungPersonPicture?> KnownAsync(LeavingCareDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Pictures.SingleOrDefaultAsync(p => p.YoungPersonId == id && p.DateOfBirth != null, cancellationToken);

    public static async Task<Results<Created<CareLeaverResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RegisterAsync(
        RegisterCareLeaverRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId).Required("lookedAfter", request.LookedAfter);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await KnownAsync(db, request.YoungPersonId!.Value, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var today = London.DateOf(now);
        // Support runs to the 25th birthday (PersonalAdviserUntil); a date of birth in the future is a registry error.
        errors.When(picture.DateOfBirth > today, "youngPersonId", "The young person's date of birth is in the future; correct it in the registry first.")
            .When(picture.SupportUntil <= today, "youngPersonId", $"The young person is {options.Value.SupportUntilAge} or over: leaving-care support runs to the {options.Value.SupportUntilAge}th birthday.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (picture.OnCaseloadSince is not null)
        {
            return TypedResults.Problem(title: "The young person is already on the leaving-care caseload.", statusCode: StatusCodes.Status409Conflict);
        }
        picture.JoinCaseload(request.LookedAfter!.Value, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await AlertEngine.RunAsync(db, options.Value, now, picture.YoungPersonId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{picture.YoungPersonId}/leaving-care", CareLeaverResponse.From(picture, today));
    }

    public static async Task<Results<Ok<CareLeaverDetailResponse>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var picture = await KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new CareLeaverDetailResponse(CareLeaverResponse.From(picture, London.DateOf(now)),
            await HandoverPackResponse.BuildAsync(db, picture, now, cancellationToken)));
    }

    public static async Task<Results<Ok<CareLeaverResponse>, ValidationProblem, NotFound<ProblemDetailsLite>, ProblemHttpResult>> AllocateAdviserAsync(
        Guid id, AllocateAdviserRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("adviserId", request.AdviserId);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound(new ProblemDetailsLite("Unknown young person."));
        }
        var adviser = await db.Advisers.SingleOrDefaultAsync(a => a.Id == request.AdviserId, cancellationToken);
        if (adviser is null)
        {
            return TypedResults.NotFound(new ProblemDetailsLite("Unknown adviser."));
        }
        var author = user.ToAuthor(clock, Access.ManagerRoles);
        var previous = picture.AllocateAdviser(adviser.UserId, author.At);
        db.AdviserAllocations.Add(AdviserAllocation.Record(id, adviser, previous, author));
        outbox.Add(new PersonalAdviserAllocated
        {
            YoungPersonId = id, Adviser = adviser.UserId, PreviousAdviser = previous, RecordedBy = author.UserId, OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "The record was changed by someone else at the same time.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(CareLeaverResponse.From(picture, London.DateOf(author.At)));
    }

    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> LogContactAsync(
        Guid id, LogContactRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("occurredAt", request.OccurredAt)
            .Required("outcome", request.Outcome)
            .Required("method", request.Method, 64)
            .MaxLength("youngPersonsWords", request.YoungPersonsWords, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        if (request.OccurredAt > author.At + ClockSkew)
        {
            return errors.Add("occurredAt", "'occurredAt' cannot be in the future.").ToUnprocessable();
        }
        var contact = Contact.Record(id, request.OccurredAt!.Value, request.Outcome!.Value, request.Method!.Trim(), request.YoungPersonsWords, author);
        db.Contacts.Add(contact);
        if (contact.Outcome == ContactOutcome.Contacted)
        {
            picture.RecordContact(contact.OccurredAt, author.At);
        }
        else
        {
            // LC-04 (Casey-K18): a care leaver whose whereabouts are unknown is reported missing, adult or not.
            outbox.Add(new ReportWhereaboutsUnknown
            {
                CommandId = contact.WhereaboutsCommandId!.Value,
                YoungPersonId = id,
                ReportedBy = author.UserId,
                LastContactAt = picture.LastContactAt ?? contact.OccurredAt,
                OccurredAt = author.At,
            });
            picture.RecordWhereaboutsUnknown(author.At);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/contacts/{contact.Id}", new ContactResponse(contact.Id, id,
            LondonTime.Of(contact.OccurredAt), contact.Outcome.ToString(), contact.Method, contact.WhereaboutsCommandId, LondonTime.Of(contact.RecordedAt), contact.RecordedBy));
    }

    public static async Task<Results<Created<PathwayPlanReviewResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RecordPathwayPlanReviewAsync(
        Guid id, PathwayPlanReviewRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reviewedOn", request.ReviewedOn);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        if (request.ReviewedOn > London.DateOf(author.At))
        {
            return errors.Add("reviewedOn", "'reviewedOn' cannot be in the future.").ToUnprocessable();
        }
        var review = PathwayPlanReview.Record(id, request.ReviewedOn!.Value, author);
        db.PathwayPlanReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/pathway-plan-reviews/{review.Id}", new PathwayPlanReviewResponse(review.Id, id,
            review.ReviewedOn, review.ReviewedOn.AddMonths(options.Value.PathwayPlanReviewMonths), LondonTime.Of(review.RecordedAt), review.RecordedBy));
    }

    public static async Task<Results<Created<UnmetNeedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RecordUnmetNeedAsync(
        Guid id, RecordUnmetNeedRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("needCategory", request.NeedCategory, 64)
            .Required("reason", request.Reason)
            .Required("refusedBy", request.RefusedBy, 100)
            .Required("details", request.Details, 2000)
            .Required("refusedOn", request.RefusedOn);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await KnownAsync(db, id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, Access.UnmetNeedRoles);
        if (request.RefusedOn > London.DateOf(author.At))
        {
            return errors.Add("refusedOn", "'refusedOn' cannot be in the future.").ToUnprocessable();
        }
        // LC-06: a refusal by adult services is unmet need, never a reason to close support (LC-02).
        var need = UnmetNeed.Record(id, request.NeedCategory!.Trim(), request.Reason!.Value, request.RefusedBy!.Trim(), request.Details!, request.RefusedOn!.Value, author);
        db.UnmetNeeds.Add(need);
        outbox.Add(new UnmetNeedRecorded
        {
            UnmetNeedId = need.Id, YoungPersonId = id, NeedCategory = need.NeedCategory, Reason = need.Reason,
            RecordedByService = "leaving-care", RecordedBy = author.UserId, OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/unmet-needs/{need.Id}", new UnmetNeedResponse(need.Id, id, need.NeedCategory,
            need.Reason.ToString(), need.RefusedBy, need.RefusedOn, LondonTime.Of(need.RecordedAt), need.RecordedBy));
    }

    public static async Task<Ok<List<OverdueItem>>> ListOverdueAsync(
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
                items.Add(new OverdueItem(plan.YoungPersonId, plan.Latest is null ? "PathwayPlanDue" : "PathwayPlanReviewDue", due,
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
                items.Add(new OverdueItem(c.YoungPersonId, "KeepInTouchDue", due, today.DayNumber - due.DayNumber, c.AdviserUserId));
            }
        }
        // The list names young people: each one listed is an audited read (REC-08).
        await accessLog.RecordAsync(CareLeaverEndpoints.SubjectType, [.. items.Select(i => i.YoungPersonId).Distinct()], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(items.OrderByDescending(i => i.DaysOverdue).ToList());
    }
}

/// <summary>A 404 body that says which id was unknown (the young person or the adviser).</summary>
public sealed record ProblemDetailsLite(string Title);
