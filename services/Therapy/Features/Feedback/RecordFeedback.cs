using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Feedback;

/// <summary>
/// THR-07: a worker records a young person's views of an offer they received, after it started or when it ended, with
/// whether the young person agreed to their worker seeing this answer. Who recorded it and when are the server's.
/// </summary>
public static class RecordFeedback
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Moment, string? GivenAt, string? Method, int? ListenedTo, int? Helped, string? Words, bool? WorkerMaySee);

    public sealed record Response(
        Guid Id, Guid ReferralId, Guid YoungPersonId, Guid OfferId, string OfferType, string Moment, LondonTime GivenAt, string Method, int? ListenedTo,
        int? Helped, string? Words, bool WorkerMaySee, LondonTime RecordedAt, string RecordedBy, Guid? Corrects = null, string? CorrectionReason = null)
    {
        public static Response Of(ServiceFeedback f) => new(f.Id, f.ReferralId, f.YoungPersonId, f.OfferId, f.OfferType.ToString(), f.Moment.ToString(),
            LondonTime.Of(f.GivenAt), f.Method.ToString(), f.ListenedTo, f.Helped, f.Words, f.WorkerMaySee, LondonTime.Of(f.RecordedAt), f.RecordedBy,
            f.Corrects, f.CorrectionReason);
    }

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid referralId, Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var moment = errors.Named<FeedbackMoment>("moment", request.Moment, required: true);
        var method = errors.Named<FeedbackMethod>("method", request.Method, required: true);
        var givenAt = errors.Instant("givenAt", request.GivenAt, clock.GetUtcNow(), required: true);
        var words = CheckAnswers(errors, request.ListenedTo, request.Helped, request.Words, request.WorkerMaySee);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (ServiceFeedback.CannotRecord(referral, moment!.Value, givenAt!.Value) is { } problem)
        {
            return errors.Add(problem.Field, problem.Problem).ToUnprocessable();
        }
        if (await db.Feedback.AnyAsync(f => f.ReferralId == referralId && f.Moment == moment, cancellationToken))
        {
            return AlreadyRecorded(moment.Value);
        }
        var feedback = ServiceFeedback.Record(referral, moment.Value, givenAt.Value, method!.Value, request.ListenedTo, request.Helped, words,
            request.WorkerMaySee!.Value, user.ToAuthor(clock, Access.FeedbackRecorderRoles));
        db.Feedback.Add(feedback);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return AlreadyRecorded(moment.Value);
        }
        return TypedResults.Created($"/api/therapy/young-people/{feedback.YoungPersonId}/feedback", Response.Of(feedback));
    }

    /// <summary>The scores (1-5 or left out), the words and the sharing choice, as recording and correcting both check them; the words, cleaned.</summary>
    internal static string? CheckAnswers(ValidationErrors errors, int? listenedTo, int? helped, string? rawWords, bool? workerMaySee)
    {
        errors.Text("words", rawWords, ServiceFeedback.MaxWordsLength, multiline: true).Required("workerMaySee", workerMaySee);
        foreach (var (field, score) in new[] { ("listenedTo", listenedTo), ("helped", helped) })
        {
            errors.When(score is < ServiceFeedback.LowestScore or > ServiceFeedback.HighestScore, field,
                $"'{field}' is a score from {ServiceFeedback.LowestScore} to {ServiceFeedback.HighestScore}, or left out when not answered.");
        }
        var words = Input.Clean(rawWords);
        errors.When(listenedTo is null && helped is null && words is null, "listenedTo",
            "Give at least one score ('listenedTo', 'helped') or the young person's 'words'.");
        return words;
    }

    private static ProblemHttpResult AlreadyRecorded(FeedbackMoment moment) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "These views are already recorded.",
        detail: $"The young person's views '{moment}' of this referral are already recorded; an answer is never changed (THR-07).");
}
