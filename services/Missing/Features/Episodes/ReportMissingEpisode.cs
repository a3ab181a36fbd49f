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

using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.Episodes;

/// <summary>
/// MIS-01, MIS-06: a young person is reported missing. Missing or malformed fields are a 400; a young person this
/// service does not know (not in its registry projection) or a last-seen time in the future is a 422 naming the
/// field; a young person who is already missing is a 409 pointing at the open episode. Age is never checked.
/// </summary>
public static class ReportMissingEpisode
{
    public sealed record Request(
        Guid? YoungPersonId,
        MissingFrom? MissingFrom,
        DateTimeOffset? LastSeenAt,
        string? LastSeenLocation,
        string? BelievedWith,
        string? ReportedBy,
        string? PoliceReference,
        string? Circumstances,
        bool? PlacementInformed);

    public static async Task<Results<Created<EpisodeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, MissingDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<MissingOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("missingFrom", request.MissingFrom)
            .Required("lastSeenAt", request.LastSeenAt)
            .Required("lastSeenLocation", request.LastSeenLocation, 500)
            .MaxLength("believedWith", request.BelievedWith, 1000)
            .Required("reportedBy", request.ReportedBy, 200)
            .MaxLength("policeReference", request.PoliceReference, 50)
            .Required("circumstances", request.Circumstances, 4000)
            .When(request.MissingFrom == MissingFrom.Care && request.PlacementInformed is null,
                "placementInformed", "'placementInformed' is required when missingFrom is Care (MIS-06).");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock);
        var report = new MissingReport(request.YoungPersonId!.Value, request.MissingFrom!.Value, request.LastSeenAt!.Value,
            request.LastSeenLocation, request.BelievedWith, request.ReportedBy!, request.PoliceReference, request.Circumstances,
            request.PlacementInformed);
        errors.Add(MissingEpisode.CheckReport(report, author.At));
        var bornOn = await db.KnownYoungPeople.Where(p => p.Id == report.YoungPersonId).Select(p => (DateOnly?)p.DateOfBirth).SingleOrDefaultAsync(cancellationToken);
        if (bornOn is null)
        {
            errors.Add("youngPersonId", "No young person with this id is known to the Missing service; register them in Referrals first.");
        }
        // Issue 15 item 6: the same date rule as every service (never before the date of birth).
        else if (EventDates.Problem("lastSeenAt", report.LastSeenAt, bornOn, author.At) is { } problem && !errors.ToDictionary().ContainsKey("lastSeenAt"))
        {
            errors.Add("lastSeenAt", problem);
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        if (await EpisodeReporting.OpenEpisodeOfAsync(db, report.YoungPersonId, cancellationToken) is { } openId)
        {
            return AlreadyMissing(openId);
        }

        var episode = MissingEpisode.Report(report, author.At, author);
        await EpisodeReporting.OpenAsync(db, outbox, options.Value, episode, author.At, cancellationToken);
        // MIS-05: where they were last seen and who with, matched against other episodes and abduction notices.
        var links = await EpisodeMatching.LinkAsync(db, episode, EpisodeText.ReportFields, author.At, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            db.ChangeTracker.Clear();
            return await EpisodeReporting.OpenEpisodeOfAsync(db, report.YoungPersonId, cancellationToken) is { } racedId
                ? AlreadyMissing(racedId)
                : MissingConflicts.ConcurrentChange();
        }
        return TypedResults.Created($"/api/missing/episodes/{episode.Id}", EpisodeResponse.From(episode, interview: null, author.At, links));
    }

    private static ProblemHttpResult AlreadyMissing(Guid openEpisodeId) => Conflicts.Problem(
        "This young person is already reported missing.",
        "Record their return on the open episode before reporting a new one.",
        new Dictionary<string, object?> { ["openEpisodeId"] = openEpisodeId });
}
