using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.UnmetNeeds;

/// <summary>Where in Referrals a need was found unmet (COM-05).</summary>
public enum UnmetNeedSource
{
    /// <summary>An assessment's needs and plan named the need as unmet when a manager signed it off.</summary>
    AssessmentSignOff,
    /// <summary>A need task from an assessment was completed as unmet.</summary>
    NeedTask,
    /// <summary>A placement chosen, ended or refused for cost or shortage (REF-26).</summary>
    Placement,
}

/// <summary>
/// COM-05: a need Referrals recorded as unmet, kept here as well as in the platform's ledger so that the people who
/// work with the child can see it and say when it was met. Written in the same transaction as its
/// <see cref="UnmetNeedRecorded"/>, with the same id; never edited: being met is an <see cref="UnmetNeedMet"/> beside it.
/// </summary>
public sealed class UnmetNeed
{
    private UnmetNeed() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>A need category code such as <c>Placement</c>, <c>Accommodation</c> or <c>Therapy</c>.</summary>
    public string NeedCategory { get; private init; } = "";
    public UnmetNeedReason Reason { get; private init; }
    public UnmetNeedSource Source { get; private init; }
    /// <summary>The record the need came from: the assessment, the need task, or the placement or refusal.</summary>
    public Guid SourceId { get; private init; }
    /// <summary>The London date since which the need has gone unmet: the day it was recorded.</summary>
    public DateOnly Since { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static UnmetNeed Record(Guid youngPersonId, string needCategory, UnmetNeedReason reason, UnmetNeedSource source, Guid sourceId, Author author,
        Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        NeedCategory = needCategory,
        Reason = reason,
        Source = source,
        SourceId = sourceId,
        Since = London.DateOf(author.At),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At.ToStoredPrecision(),
    };

    /// <summary>The ledger's copy (Therapy keeps the platform's one ledger).</summary>
    public UnmetNeedRecorded ToRecorded(string service) => new()
    {
        UnmetNeedId = Id, YoungPersonId = YoungPersonId, NeedCategory = NeedCategory, Reason = Reason, RecordedByService = service,
        RecordedBy = RecordedBy, OccurredAt = RecordedAt, Since = Since,
    };
}

/// <summary>
/// COM-05: an unmet need recorded here was met after all (a placement found, a service that became available). A row of
/// its own, one per need; the need keeps its reason and gains the date it was met and how, and the ledger stops
/// counting its time unmet from that date.
/// </summary>
public sealed class UnmetNeedMet
{
    private UnmetNeedMet() { }

    public Guid UnmetNeedId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateOnly MetOn { get; private init; }
    /// <summary>How it was met, in the worker's words (who now provides it).</summary>
    public string How { get; private init; } = "";
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static UnmetNeedMet Record(UnmetNeed need, DateOnly metOn, string how, Author author) => new()
    {
        UnmetNeedId = need.Id, YoungPersonId = need.YoungPersonId, MetOn = metOn, How = how, RecordedBy = author.UserId,
        RecordedByRole = author.Role, RecordedAt = author.At.ToStoredPrecision(),
    };

    public UnmetNeedResolved ToResolved(string service) => new()
    {
        UnmetNeedId = UnmetNeedId, YoungPersonId = YoungPersonId, ResolvedOn = MetOn, ResolvedByService = service, RecordedBy = RecordedBy,
        OccurredAt = RecordedAt,
    };
}
