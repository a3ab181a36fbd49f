using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Placements;

/// <summary>
/// REF-26: before a child is admitted to a setting where a current resident's risk to others matches them, a matching
/// risk assessment says how the risk will be managed, and a senior manager decides on it. It covers the flags it
/// considered (the server lists them); a flag recorded after it needs a new assessment. Append-only; the decision is
/// its own row.
/// </summary>
public sealed class PlacementMatchingAssessment
{
    private PlacementMatchingAssessment() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Setting { get; private init; } = "";
    public string SettingKey { get; private init; } = "";
    public List<Guid> FlagsConsidered { get; private init; } = [];
    public string Analysis { get; private init; } = "";
    public string SafetyPlan { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static PlacementMatchingAssessment Record(Guid youngPersonId, string setting, IEnumerable<Guid> flags, string analysis, string safetyPlan, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Setting = setting.Trim(),
        SettingKey = Placement.KeyOf(setting),
        FlagsConsidered = [.. flags.Order()],
        Analysis = analysis.Trim(),
        SafetyPlan = safetyPlan.Trim(),
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };

    public bool Covers(IEnumerable<Guid> flags) => flags.All(FlagsConsidered.Contains);
}

public enum MatchingDecisionOutcome
{
    Approved,
    Refused,
}

/// <summary>A senior manager's decision on a matching assessment (REF-26), once, never by its author.</summary>
public sealed class PlacementMatchingDecision
{
    private PlacementMatchingDecision() { }

    public Guid AssessmentId { get; private init; }
    public MatchingDecisionOutcome Outcome { get; private init; }
    public string Rationale { get; private init; } = "";
    public DateTimeOffset DecidedAt { get; private init; }
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";

    public static PlacementMatchingDecision Of(PlacementMatchingAssessment assessment, MatchingDecisionOutcome outcome, string rationale, Author author) => new()
    {
        AssessmentId = assessment.Id,
        Outcome = outcome,
        Rationale = rationale.Trim(),
        DecidedAt = author.At,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
    };
}
