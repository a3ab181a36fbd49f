using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Involvements;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Prevention;

public sealed record PreventionSessionResponse(
    Guid Id, SessionSetting Setting, AudienceType Audience, string Venue, DateOnly HeldOn, int Attendees, string Programme, IReadOnlyList<string> Topics,
    decimal? EvaluationBefore, decimal? EvaluationAfter, decimal? EvaluationChange, int? EvaluationResponses, int FollowUpReferrals,
    LondonTime RecordedAt, string RecordedBy)
{
    public static PreventionSessionResponse From(PreventionSession s) => new(
        s.Id, s.Setting, s.Audience, s.Venue, s.HeldOn, s.Attendees, s.Programme, s.Topics, s.EvaluationBefore, s.EvaluationAfter,
        s.EvaluationBefore is { } b && s.EvaluationAfter is { } a ? a - b : null, s.EvaluationResponses, s.FollowUpReferrals,
        LondonTime.Of(s.RecordedAt), s.RecordedBy);
}

/// <summary>
/// OUT-09: "no evaluation of the impact of this training" (Casey) is the failure. A session records its setting,
/// audience, attendance, programme, topics, the mean score of an evaluation taken before and after (0-10, both or
/// neither), and how many follow-up referrals it led to. Held on a date not in the future; attendance 1 to 2,000.
/// </summary>
public static class RecordPreventionSession
{
    public const int MaxAttendees = 2000;
    public const int MaxTopics = 10;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(
        string? Setting, string? Audience, string? Venue, string? HeldOn, int? Attendees, string? Programme, IReadOnlyList<string?>? Topics,
        decimal? EvaluationBefore, decimal? EvaluationAfter, int? EvaluationResponses, int? FollowUpReferrals);

    public static async Task<Results<Created<PreventionSessionResponse>, ValidationProblem>> HandleAsync(
        Request request, HttpRequest http, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("venue", request.Venue, 200, required: true)
            .Text("programme", request.Programme, 200, required: true)
            .When(request.Attendees is null, "attendees", "'attendees' is required.")
            .When(request.Attendees is < 1 or > MaxAttendees, "attendees", $"'attendees' is from 1 to {MaxAttendees}.")
            .When(request.Topics is { Count: > MaxTopics }, "topics", $"At most {MaxTopics} topics.")
            .When((request.EvaluationBefore is null) != (request.EvaluationAfter is null), "evaluationAfter", "Give both 'evaluationBefore' and 'evaluationAfter', or neither.")
            .When(request.EvaluationBefore is < PreventionSession.MinScore or > PreventionSession.MaxScore, "evaluationBefore", "'evaluationBefore' is a mean score from 0 to 10.")
            .When(request.EvaluationAfter is < PreventionSession.MinScore or > PreventionSession.MaxScore, "evaluationAfter", "'evaluationAfter' is a mean score from 0 to 10.")
            .When(request.EvaluationResponses is < 1, "evaluationResponses", "'evaluationResponses' is at least 1.")
            .When(request.Attendees is >= 1 and <= MaxAttendees && request.EvaluationResponses > request.Attendees, "evaluationResponses", "More evaluation responses than attendees.")
            .When(request.FollowUpReferrals is < 0, "followUpReferrals", "'followUpReferrals' is 0 or more.")
            .When(request.Attendees is >= 1 and <= MaxAttendees && request.FollowUpReferrals > request.Attendees, "followUpReferrals", "More follow-up referrals than attendees.");
        var key = errors.IdempotencyKey(http);
        var setting = errors.Named<SessionSetting>("setting", request.Setting, required: true);
        var audience = errors.Named<AudienceType>("audience", request.Audience, required: true);
        var heldOn = StartInvolvement.Date(errors, "heldOn", request.HeldOn);
        foreach (var (topic, i) in (request.Topics ?? []).Take(MaxTopics).Select((t, i) => (t, i)))
        {
            errors.Text($"topics[{i}]", topic, 100, required: true);
        }
        errors.When(heldOn > London.Today(clock), "heldOn", "'heldOn' is in the future.")
            .When(heldOn < new DateOnly(2000, 1, 1), "heldOn", "'heldOn' is before 2000.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (key is not null && await FindByKeyAsync(db, author.UserId, key, cancellationToken) is { } replay)
        {
            return Created(replay);
        }
        var session = PreventionSession.Record(setting!.Value, audience!.Value, request.Venue!.Trim(), heldOn!.Value, request.Attendees!.Value,
            request.Programme!.Trim(), [.. (request.Topics ?? []).Select(t => t!.Trim())], request.EvaluationBefore, request.EvaluationAfter,
            request.EvaluationResponses, request.FollowUpReferrals ?? 0, author, key);
        db.PreventionSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && key is not null)
        {
            db.ChangeTracker.Clear();
            return Created(await FindByKeyAsync(db, author.UserId, key, cancellationToken)
                ?? throw new InvalidOperationException("A unique key refused the session but no session holds its idempotency key.", e));
        }
        return Created(session);
    }

    public static async Task<Results<Ok<List<PreventionSessionResponse>>, ValidationProblem>> ListAsync(
        string? from, string? to, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var first = from is null ? DateOnly.MinValue : StartInvolvement.Date(errors, "from", from);
        var last = to is null ? DateOnly.MaxValue : StartInvolvement.Date(errors, "to", to);
        errors.When(first > last, "from", "'from' is after 'to'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var sessions = await db.PreventionSessions.AsNoTracking().Where(s => s.HeldOn >= first && s.HeldOn <= last)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.RecordedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(sessions.Select(PreventionSessionResponse.From).ToList());
    }

    public static async Task<Results<Ok<PreventionSessionResponse>, NotFound>> GetAsync(Guid id, OutreachDbContext db, CancellationToken cancellationToken) =>
        await db.PreventionSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session
            ? TypedResults.Ok(PreventionSessionResponse.From(session))
            : TypedResults.NotFound();

    private static Task<PreventionSession?> FindByKeyAsync(OutreachDbContext db, string recordedBy, string key, CancellationToken cancellationToken) =>
        db.PreventionSessions.AsNoTracking().SingleOrDefaultAsync(s => s.RecordedBy == recordedBy && s.IdempotencyKey == key, cancellationToken);

    private static Created<PreventionSessionResponse> Created(PreventionSession session) =>
        TypedResults.Created($"/api/outreach/prevention-sessions/{session.Id}", PreventionSessionResponse.From(session));
}
