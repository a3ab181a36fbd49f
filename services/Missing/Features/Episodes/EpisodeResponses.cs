using Support.Contracts.Missing;
using Support.Missing.Domain;

namespace Support.Missing.Features.Episodes;

public sealed record EpisodeResponse(
    Guid Id,
    Guid YoungPersonId,
    MissingFrom MissingFrom,
    UkInstant LastSeenAt,
    string? LastSeenLocation,
    string? BelievedWith,
    string ReportedBy,
    UkInstant ReportedAt,
    string? PoliceReference,
    string? Circumstances,
    bool? PlacementInformed,
    Guid? CommandId,
    Signature Recorded,
    ReturnResponse? Return,
    InterviewSummary? ReturnInterview,
    DateTimeOffset? RepeatMissingDetectedAt)
{
    public static EpisodeResponse From(MissingEpisode e, ReturnInterview? interview, DateTimeOffset now) => new(
        e.Id,
        e.YoungPersonId,
        e.MissingFrom,
        UkInstant.From(e.LastSeenAt),
        e.LastSeenLocation,
        e.BelievedWith,
        e.ReportedBy,
        UkInstant.From(e.ReportedAt),
        e.PoliceReference,
        e.Circumstances,
        e.PlacementInformed,
        e.CommandId,
        new Signature(e.RecordedAt, e.RecordedBy, e.RecordedByRole),
        ReturnResponse.From(e),
        interview is null ? null : InterviewSummary.From(interview, now),
        e.RepeatMissingDetectedAt);
}

public sealed record ReturnResponse(UkInstant ReturnedAt, string WhereFound, string? FoundWith, string HowReturned, Signature Recorded)
{
    public static ReturnResponse? From(MissingEpisode e) => e.ReturnedAt is { } returnedAt
        ? new ReturnResponse(UkInstant.From(returnedAt), e.WhereFound ?? "", e.FoundWith, e.HowReturned ?? "",
            new Signature(e.ReturnRecordedAt!.Value, e.ReturnRecordedBy ?? "", e.ReturnRecordedByRole ?? ""))
        : null;
}

public sealed record InterviewSummary(Guid Id, ReturnInterviewStatus Status, UkInstant DueAt, bool IsOverdue, TimeSpan OverdueBy)
{
    public static InterviewSummary From(ReturnInterview i, DateTimeOffset now) => new(
        i.Id, i.Status, UkInstant.From(i.DueAt), i.IsOverdueAt(now), i.IsOverdueAt(now) ? ReturnInterviewDeadline.OverdueBy(i.DueAt, now) : TimeSpan.Zero);
}
