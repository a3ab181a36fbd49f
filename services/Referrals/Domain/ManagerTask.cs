using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain;

public enum ManagerTaskKind
{
    /// <summary>A legal age flag was raised: a manager makes a safeguarding decision (REF-07).</summary>
    SafeguardingDecision,
    /// <summary>A pattern of missing episodes: a manager decides whether to hold a strategy meeting (MIS-04).</summary>
    StrategyMeetingDecision,
}

/// <summary>
/// Work for a team manager that the platform creates so nobody has to remember it (REF-07). Append-only: its
/// completion is a separate row (<see cref="ManagerTaskCompletion"/>), one per task.
/// </summary>
public sealed class ManagerTask
{
    private ManagerTask() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public ManagerTaskKind Kind { get; private init; }
    public LegalFlag? Flag { get; private init; }
    /// <summary>The record that caused the task (an assessment).</summary>
    public Guid SourceId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";

    public static ManagerTask ForLegalFlag(Guid youngPersonId, LegalFlag flag, Guid sourceId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Kind = ManagerTaskKind.SafeguardingDecision,
        Flag = flag,
        SourceId = sourceId,
        CreatedAt = author.At,
        CreatedBy = author.UserId,
    };

    /// <summary>MIS-04: the episode that made the pattern is the source; one task per pattern.</summary>
    public static ManagerTask ForMissingPattern(Guid youngPersonId, Guid triggeringEpisodeId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Kind = ManagerTaskKind.StrategyMeetingDecision,
        SourceId = triggeringEpisodeId,
        CreatedAt = author.At,
        CreatedBy = author.UserId,
    };
}

public sealed class ManagerTaskCompletion
{
    private ManagerTaskCompletion() { }

    public Guid TaskId { get; private init; }
    public string Decision { get; private init; } = "";
    public DateTimeOffset CompletedAt { get; private init; }
    public string CompletedBy { get; private init; } = "";
    public string CompletedByRole { get; private init; } = "";

    public static ManagerTaskCompletion For(ManagerTask task, string decision, Author manager) => new()
    {
        TaskId = task.Id,
        Decision = decision.Trim(),
        CompletedAt = manager.At,
        CompletedBy = manager.UserId,
        CompletedByRole = manager.Role,
    };
}
