using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Feedback;

/// <summary>
/// THR-07, REC-01: a young person's recorded views corrected (a score mistyped, their words taken down wrongly, their
/// choice about sharing misheard) as a new version with the reason; the version corrected stays, and the lists and the
/// report count the latest. Only the worker who may see the answer, or who took it down, corrects it; to anyone else it
/// does not exist (404), so a correction says nothing about a hidden answer. Only the latest version is corrected (409).
/// </summary>
public static class CorrectFeedback
{
    public const int MaxReasonLength = 1000;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(int? ListenedTo, int? Helped, string? Words, bool? WorkerMaySee, string? Reason);

    public static async Task<Results<Created<RecordFeedback.Response>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var words = RecordFeedback.CheckAnswers(errors, request.ListenedTo, request.Helped, request.Words, request.WorkerMaySee);
        errors.Text("reason", request.Reason, MaxReasonLength, required: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var original = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var me = user.UserId();
        var keyWorker = original is null ? null
            : await db.KeyWorkers.Where(k => k.YoungPersonId == original.YoungPersonId).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        if (original is null || !(original.RecordedBy == me || original.VisibleTo(me, keyWorker)))
        {
            return TypedResults.NotFound();
        }
        if (await db.Feedback.AnyAsync(f => f.Corrects == id, cancellationToken))
        {
            return Corrected();
        }
        var correction = original.Correct(request.ListenedTo, request.Helped, words, request.WorkerMaySee!.Value, Input.Clean(request.Reason)!,
            user.ToAuthor(clock, Access.FeedbackRecorderRoles));
        db.Feedback.Add(correction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Corrected();
        }
        return TypedResults.Created($"/api/therapy/young-people/{correction.YoungPersonId}/feedback", RecordFeedback.Response.Of(correction));
    }

    private static ProblemHttpResult Corrected() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "This version has already been corrected.", detail: "Correct the latest version of these views: it is the one the lists show.");
}
