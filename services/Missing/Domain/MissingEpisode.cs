using Support.Contracts.Missing;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Domain;

/// <summary>What a reporter tells us when a young person goes missing (MIS-01, MIS-06).</summary>
public sealed record MissingReport(
    Guid YoungPersonId,
    MissingFrom MissingFrom,
    DateTimeOffset LastSeenAt,
    string? LastSeenLocation,
    string? BelievedWith,
    string ReportedBy,
    string? PoliceReference,
    string? Circumstances,
    bool? PlacementInformed);

/// <summary>Where and how a young person was found (MIS-01: transport details, including a taxi or vehicle).</summary>
public sealed record ReturnDetails(DateTimeOffset ReturnedAt, string WhereFound, string? FoundWith, string HowReturned);

/// <summary>
/// One missing episode (MIS-01): reported once, returned once. Each step keeps who recorded it and when (REC-01); a
/// return creates the return-home interview with its deadline (MIS-02). Age plays no part: care leavers aged 18 to
/// 25 are reported like anyone else.
/// </summary>
public sealed class MissingEpisode
{
    private MissingEpisode() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public MissingFrom MissingFrom { get; private init; }
    public DateTimeOffset LastSeenAt { get; private init; }
    public string? LastSeenLocation { get; private init; }
    public string? BelievedWith { get; private init; }
    /// <summary>The reporter's name or role as text; the signed-in user is <see cref="RecordedBy"/>.</summary>
    public string ReportedBy { get; private init; } = "";
    public DateTimeOffset ReportedAt { get; private init; }
    public string? PoliceReference { get; private init; }
    public string? Circumstances { get; private init; }
    /// <summary>MIS-06: whether the placement was told; asked when the young person went missing from care.</summary>
    public bool? PlacementInformed { get; private init; }
    /// <summary>The <c>ReportWhereaboutsUnknown</c> command that opened this episode, if any (unique: one episode per command).</summary>
    public Guid? CommandId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? WhereFound { get; private set; }
    public string? FoundWith { get; private set; }
    public string? HowReturned { get; private set; }
    public DateTimeOffset? ReturnRecordedAt { get; private set; }
    /// <summary>COM-09: the return was recorded more than the allowed time after it happened (flagged, never refused).</summary>
    public bool ReturnRecordedLate { get; private set; }
    public string? ReturnRecordedBy { get; private set; }
    public string? ReturnRecordedByRole { get; private set; }

    /// <summary>The young person was back before the episode was even reported (recorded after the fact).</summary>
    public bool ReturnedBeforeReported => ReturnedAt is { } returned && returned < ReportedAt;

    /// <summary>When this episode took the young person over the repeat-missing threshold (MIS-04), if it did.</summary>
    public DateTimeOffset? RepeatMissingDetectedAt { get; private set; }

    public bool IsOpen => ReturnedAt is null;

    public static IReadOnlyList<RuleViolation> CheckReport(MissingReport report, DateTimeOffset now) =>
        Clock.IsInTheFuture(report.LastSeenAt, now)
            ? [new RuleViolation("lastSeenAt", "'lastSeenAt' cannot be in the future.")]
            : [];

    /// <summary>
    /// Opens an episode. <paramref name="reportedAt"/> is when the report was made: the server clock for a report
    /// through the API, the command's time for a report from Leaving Care.
    /// </summary>
    public static MissingEpisode Report(MissingReport report, DateTimeOffset reportedAt, Author author, Guid? commandId = null)
    {
        if (CheckReport(report, author.At) is [var violation, ..])
        {
            throw new ArgumentException(violation.Message, nameof(report));
        }
        return new MissingEpisode
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = report.YoungPersonId,
            MissingFrom = report.MissingFrom,
            LastSeenAt = report.LastSeenAt.ToUniversalTime(),
            LastSeenLocation = Clean(report.LastSeenLocation),
            BelievedWith = Clean(report.BelievedWith),
            ReportedBy = report.ReportedBy.Trim(),
            ReportedAt = reportedAt.ToUniversalTime(),
            PoliceReference = Clean(report.PoliceReference),
            Circumstances = Clean(report.Circumstances),
            PlacementInformed = report.PlacementInformed,
            CommandId = commandId,
            RecordedAt = author.At.ToUniversalTime(),
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }

    /// <summary>A return cannot come before the young person was last seen or before they were reported missing, nor lie ahead.</summary>
    public IReadOnlyList<RuleViolation> CheckReturn(DateTimeOffset returnedAt, DateTimeOffset now)
    {
        // COM-09: a return may be recorded after the fact, even before the episode was reported (a young person back
        // before anyone reported them); it is accepted, the interview clock runs from the return, and lateness is flagged.
        var violations = new List<RuleViolation>();
        if (returnedAt < LastSeenAt)
        {
            violations.Add(new RuleViolation("returnedAt", "'returnedAt' cannot be before 'lastSeenAt' of the episode."));
        }
        if (Clock.IsInTheFuture(returnedAt, now))
        {
            violations.Add(new RuleViolation("returnedAt", "'returnedAt' cannot be in the future."));
        }
        return violations;
    }

    /// <summary>Closes the episode and creates its return-home interview, due <paramref name="interviewDeadline"/> after the return (MIS-02).</summary>
    public ReturnInterview RecordReturn(ReturnDetails details, Author author, TimeSpan interviewDeadline, TimeSpan? lateAfter = null)
    {
        if (!IsOpen)
        {
            throw new DomainConflictException("The return of this episode has already been recorded.");
        }
        if (CheckReturn(details.ReturnedAt, author.At) is [var violation, ..])
        {
            throw new ArgumentException(violation.Message, nameof(details));
        }
        ReturnedAt = details.ReturnedAt.ToUniversalTime();
        WhereFound = details.WhereFound.Trim();
        FoundWith = Clean(details.FoundWith);
        HowReturned = details.HowReturned.Trim();
        ReturnRecordedAt = author.At.ToUniversalTime();
        ReturnRecordedLate = lateAfter is { } late && ReturnRecordedAt.Value - ReturnedAt.Value > late;
        ReturnRecordedBy = author.UserId;
        ReturnRecordedByRole = author.Role;
        return ReturnInterview.Create(this, author, interviewDeadline);
    }

    internal void MarkRepeatMissingDetected(DateTimeOffset at) => RepeatMissingDetectedAt = at.ToUniversalTime();

    /// <summary>When this episode made the pattern (MIS-04: 3 in 30 days) that asks a manager to decide on a strategy meeting.</summary>
    public DateTimeOffset? StrategyDecisionRequestedAt { get; private set; }

    internal void MarkStrategyDecisionRequested(DateTimeOffset at) => StrategyDecisionRequestedAt = at.ToUniversalTime();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
