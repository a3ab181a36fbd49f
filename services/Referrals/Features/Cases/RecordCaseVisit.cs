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
/// REF-23: a visit or contact on an open case, with when it happened, whether it was face to face and where. Only face
/// to face resets the visit gap. The same date rule as every service: not in the future, never before the young
/// person's date of birth (422 naming <c>occurredAt</c>). A closed case refuses (409). Each visit reaches the child's
/// chronology (<c>CaseVisitRecorded</c>); <see cref="ListCaseVisits"/> lists them.
/// </summary>
public static class RecordCaseVisit
{
    public sealed record Request(DateTimeOffset? OccurredAt, bool? FaceToFace, string? Place, string? Note);

    public sealed record VisitResponse(Guid Id, Guid CaseId, LondonTime OccurredAt, bool FaceToFace, string Place, string? Note, LondonTime RecordedAt, string RecordedBy);

    public static VisitResponse From(CaseVisit visit) => new(
        visit.Id, visit.CaseId, LondonTime.Of(visit.OccurredAt), visit.FaceToFace, visit.Place, visit.Note, LondonTime.Of(visit.RecordedAt), visit.RecordedBy);

    public static async Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("occurredAt", request.OccurredAt)
            .Required("faceToFace", request.FaceToFace)
            .Required("place", request.Place, 200)
            .MaxLength("note", request.Note, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var bornOn = await db.DateOfBirthOfAsync(@case.YoungPersonId, cancellationToken);
        if (EventDates.Problem("occurredAt", request.OccurredAt!.Value, bornOn, author.At) is { } problem)
        {
            return errors.Add("occurredAt", problem).ToUnprocessable();
        }
        CaseVisit visit;
        try
        {
            visit = CaseVisit.Record(@case, request.OccurredAt!.Value.ToUniversalTime(), request.FaceToFace!.Value, request.Place!.Trim(),
                string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), author);
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        db.CaseVisits.Add(visit);
        outbox.Add(new CaseVisitRecorded
        {
            VisitId = visit.Id, CaseId = visit.CaseId, YoungPersonId = visit.YoungPersonId, VisitedAt = visit.OccurredAt, FaceToFace = visit.FaceToFace,
            RecordedBy = visit.RecordedBy, OccurredAt = visit.RecordedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/cases/{id}/visits", From(visit));
    }
}
