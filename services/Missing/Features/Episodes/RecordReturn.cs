using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Missing;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Features.Episodes;

/// <summary>
/// MIS-01, MIS-02: the young person is back. The return, its return-home interview (due 72 hours later) and
/// <c>YoungPersonReturned</c> are stored together. A return before the young person was last seen is a 422 naming
/// returnedAt; a return before the episode was reported is accepted (recorded after the fact, COM-09), the interview
/// clock runs from the return and a return recorded late is flagged; a second return is a 409. Where, with whom and how the young person
/// was found are matched against other episodes and abduction notices (MIS-05, <see cref="EpisodeMatching"/>), and the
/// links are stored in the same transaction.
/// </summary>
public static class RecordReturn
{
    public sealed record Request(DateTimeOffset? ReturnedAt, string? WhereFound, string? FoundWith, string? HowReturned);

    public static async Task<Results<Created<EpisodeResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, MissingDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<MissingOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("returnedAt", request.ReturnedAt)
            .Required("whereFound", request.WhereFound, 500)
            .MaxLength("foundWith", request.FoundWith, 1000)
            .Required("howReturned", request.HowReturned, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var episode = await db.Episodes.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (episode is null)
        {
            return TypedResults.NotFound();
        }
        if (!episode.IsOpen)
        {
            return Conflicts.Problem("The return of this episode has already been recorded.");
        }
        var author = user.ToAuthor(clock);
        if (errors.Add(episode.CheckReturn(request.ReturnedAt!.Value, author.At)).Any)
        {
            return errors.ToUnprocessable();
        }

        var interview = episode.RecordReturn(
            new ReturnDetails(request.ReturnedAt.Value, request.WhereFound!, request.FoundWith, request.HowReturned!),
            author, options.Value.ReturnInterviewDeadline, options.Value.LateRecording);
        db.ReturnInterviews.Add(interview);
        outbox.Add(new YoungPersonReturned
        {
            EpisodeId = episode.Id,
            YoungPersonId = episode.YoungPersonId,
            ReturnedAt = interview.ReturnedAt,
            InterviewId = interview.Id,
            InterviewDueAt = interview.DueAt,
            RecordedLate = episode.ReturnRecordedLate,
            OccurredAt = author.At,
        });
        var links = await EpisodeMatching.LinkAsync(db, episode, EpisodeText.ReturnFields, author.At, cancellationToken);
        var earlier = await db.EpisodeLinks.AsNoTracking().Where(l => l.EpisodeId == episode.Id).ToListAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return Conflicts.Problem("The return of this episode has already been recorded.");
        }
        return TypedResults.Created($"/api/missing/return-interviews/{interview.Id}", EpisodeResponse.From(episode, interview, author.At, earlier.Concat(links)));
    }
}
