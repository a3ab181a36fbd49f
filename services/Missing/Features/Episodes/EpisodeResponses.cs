using Support.Contracts.Missing;
using Support.Missing.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.Episodes;

public sealed record EpisodeResponse(
    Guid Id,
    Guid YoungPersonId,
    MissingFrom MissingFrom,
    LondonTime LastSeenAt,
    string? LastSeenLocation,
    string? BelievedWith,
    string ReportedBy,
    LondonTime ReportedAt,
    string? PoliceReference,
    string? Circumstances,
    bool? PlacementInformed,
    Guid? CommandId,
    Signature Recorded,
    ReturnResponse? Return,
    InterviewSummary? ReturnInterview,
    LondonTime? RepeatMissingDetectedAt,
    IReadOnlyList<EpisodeFlag> Flags,
    IReadOnlyList<LinkResponse> Links)
{
    public static EpisodeResponse From(MissingEpisode e, ReturnInterview? interview, DateTimeOffset now, IEnumerable<EpisodeLink>? links = null)
    {
        var own = (links ?? []).Where(l => l.EpisodeId == e.Id).OrderBy(l => l.RecordedAt).ThenBy(l => l.Id).ToList();
        return new(
            e.Id,
        e.YoungPersonId,
        e.MissingFrom,
        LondonTime.Of(e.LastSeenAt),
        e.LastSeenLocation,
        e.BelievedWith,
        e.ReportedBy,
        LondonTime.Of(e.ReportedAt),
        e.PoliceReference,
        e.Circumstances,
        e.PlacementInformed,
        e.CommandId,
        Signature.Of(e.RecordedAt, e.RecordedBy, e.RecordedByRole),
        ReturnResponse.From(e),
        interview is null ? null : InterviewSummary.From(interview, now),
        LondonTime.Of(e.RepeatMissingDetectedAt),
        own.Select(l => l.Flag).OfType<EpisodeFlag>().Distinct().Order().ToList(),
        own.Select(LinkResponse.From).ToList());
    }
}

/// <summary>A match with another episode or an abduction notice (MIS-05); see <see cref="PatternMatching"/> for the rule.</summary>
public sealed record LinkResponse(
    Guid Id,
    EpisodeLinkKind Kind,
    Guid? LinkedEpisodeId,
    Guid? AbductionNoticeId,
    IReadOnlyList<string> MatchedOn,
    IReadOnlyList<string> LinkedFields,
    string MatchedTerm,
    LondonTime RecordedAt)
{
    public static LinkResponse From(EpisodeLink l) =>
        new(l.Id, l.Kind, l.LinkedEpisodeId, l.AbductionNoticeId, l.MatchedOn, l.LinkedFields, l.MatchedTerm, LondonTime.Of(l.RecordedAt));
}

/// <summary>
/// The return; <c>RecordedLate</c> (COM-09) when it was recorded later than <c>LateRecordingHours</c> after it happened,
/// <c>ReturnedBeforeReported</c> when the young person was back before the episode was reported.
/// </summary>
public sealed record ReturnResponse(
    LondonTime ReturnedAt, string WhereFound, string? FoundWith, string HowReturned, Signature Recorded, bool RecordedLate, bool ReturnedBeforeReported)
{
    public static ReturnResponse? From(MissingEpisode e) => e.ReturnedAt is { } returnedAt
        ? new ReturnResponse(LondonTime.Of(returnedAt), e.WhereFound ?? "", e.FoundWith, e.HowReturned ?? "",
            Signature.Of(e.ReturnRecordedAt!.Value, e.ReturnRecordedBy ?? "", e.ReturnRecordedByRole ?? ""), e.ReturnRecordedLate, e.ReturnedBeforeReported)
        : null;
}

public sealed record InterviewSummary(Guid Id, ReturnInterviewStatus Status, LondonTime DueAt, bool IsOverdue, TimeSpan OverdueBy)
{
    public static InterviewSummary From(ReturnInterview i, DateTimeOffset now) => new(
        i.Id, i.Status, LondonTime.Of(i.DueAt), i.IsOverdueAt(now), i.IsOverdueAt(now) ? ReturnInterviewDeadline.OverdueBy(i.DueAt, now) : TimeSpan.Zero);
}
