using Support.Contracts.Risk;
using Support.Contracts.UnmetNeeds;

namespace Support.Therapy.Domain;

/// <summary>
/// The young person's current CSE risk level and the indicators behind it, from <c>RiskLevelChanged</c> (REF-14). Events
/// carry no order, so an older one arriving late never replaces a newer one.
/// </summary>
public sealed class RiskPicture
{
    private RiskPicture() { }

    public Guid YoungPersonId { get; private init; }
    public RiskLevel Level { get; private set; }
    public List<RiskIndicator> Indicators { get; private set; } = [];
    public Guid SourceId { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }

    public static RiskPicture From(Guid youngPersonId, RiskLevel level, IEnumerable<RiskIndicator> indicators, Guid sourceId, DateTimeOffset at) =>
        new() { YoungPersonId = youngPersonId, Level = level, Indicators = [.. indicators], SourceId = sourceId, AssessedAt = at };

    public void Apply(RiskLevel level, IEnumerable<RiskIndicator> indicators, Guid sourceId, DateTimeOffset at)
    {
        if (at < AssessedAt)
        {
            return;
        }
        Level = level;
        Indicators = [.. indicators];
        SourceId = sourceId;
        AssessedAt = at;
    }
}

/// <summary>
/// The key worker of the young person's case, from <c>KeyWorkerAssigned</c> and <c>KeyWorkerAllocationEnded</c>; the
/// latest change wins, whatever order they arrive in. <see cref="UserId"/> is null while the case has no key worker
/// (REF-23): tasks then go to the team, not to a worker who no longer holds the case.
/// </summary>
public sealed class KeyWorker
{
    private KeyWorker() { }

    public Guid YoungPersonId { get; private init; }
    public string? UserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }

    public static KeyWorker From(Guid youngPersonId, string userId, DateTimeOffset at) => new() { YoungPersonId = youngPersonId, UserId = userId, AssignedAt = at };

    /// <summary>No key worker since <paramref name="at"/>: an assignment older than that, arriving late, changes nothing.</summary>
    public static KeyWorker Vacant(Guid youngPersonId, DateTimeOffset at) => new() { YoungPersonId = youngPersonId, UserId = null, AssignedAt = at };

    public void Apply(string userId, DateTimeOffset at)
    {
        if (at >= AssignedAt)
        {
            UserId = userId;
            AssignedAt = at;
        }
    }

    /// <summary>The allocation of <paramref name="userId"/> ended with no successor; a later assignment stands.</summary>
    public void Vacate(string userId, DateTimeOffset at)
    {
        if (at >= AssignedAt && UserId == userId)
        {
            UserId = null;
            AssignedAt = at;
        }
    }
}

/// <summary>
/// One entry of the platform's unmet-need ledger (COM-05), written only from <c>UnmetNeedRecorded</c> events, whichever
/// service raised them (Therapy's own declines included): one row per unmet need id, however often it is delivered.
/// </summary>
public sealed class UnmetNeedEntry
{
    private UnmetNeedEntry() { }

    public Guid UnmetNeedId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string NeedCategory { get; private init; } = "";
    public UnmetNeedReason Reason { get; private init; }
    public string RaisedBy { get; private init; } = "";
    public string RecordedBy { get; private init; } = "";
    /// <summary>The London date since which the need has gone unmet.</summary>
    public DateOnly Since { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public DateOnly? ResolvedOn { get; private set; }
    public DateTimeOffset ReceivedAt { get; private init; }

    public static UnmetNeedEntry From(UnmetNeedRecorded message, DateOnly since, DateTimeOffset receivedAt) => new()
    {
        UnmetNeedId = message.UnmetNeedId, YoungPersonId = message.YoungPersonId, NeedCategory = message.NeedCategory, Reason = message.Reason,
        RaisedBy = message.RecordedByService, RecordedBy = message.RecordedBy, Since = since, OccurredAt = message.OccurredAt, ReceivedAt = receivedAt,
    };

    /// <summary>COM-05: the need was met on <paramref name="resolvedOn"/>; the first resolution stands (a redelivery changes nothing).</summary>
    public void Resolve(DateOnly resolvedOn) => ResolvedOn ??= resolvedOn < Since ? Since : resolvedOn;

    /// <summary>How long the need has gone (or went) unmet, in whole days, on <paramref name="today"/>.</summary>
    public int DaysUnmet(DateOnly today) => Math.Max(0, (ResolvedOn ?? today).DayNumber - Since.DayNumber);
}
