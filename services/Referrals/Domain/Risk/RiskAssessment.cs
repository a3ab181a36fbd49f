using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Risk;

public enum RiskAssessmentStatus
{
    /// <summary>The chosen level is in force (or equals the level already in force): no countersignature needed.</summary>
    Applied,
    /// <summary>A lower level than suggested, or than the level in force, waits for a team manager (REF-14, REF-15).</summary>
    AwaitingCountersignature,
    Countersigned,
}

/// <summary>
/// A risk assessment (REF-14): the facts, the level the versioned rule table suggested from them with the rules and
/// indicators behind it, and the level the assessor chose. Both levels are kept so the override rate can be reported.
/// Append-only: a countersignature is a separate row (<see cref="RiskAssessmentCountersignature"/>).
/// </summary>
public sealed class RiskAssessment
{
    private RiskAssessment() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The risk review this assessment completed, if any (REF-16).</summary>
    public Guid? ReviewId { get; private init; }
    public DateOnly EventDate { get; private init; }
    /// <summary>Age in whole years on <see cref="EventDate"/> from the registry's date of birth (REF-07).</summary>
    public int? AgeOnEventDate { get; private init; }
    public List<RiskIndicator> Indicators { get; private init; } = [];
    /// <summary>REF-14: indicators the young person's record already showed (referrals, assessments) that were not typed here, and counted.</summary>
    public List<RiskIndicator> IndicatorsFromRecord { get; private init; } = [];
    public bool SexualActivity { get; private init; }
    public bool DisclosureOfAssault { get; private init; }
    public int MissingEpisodesInLast90Days { get; private init; }
    public string RuleTableVersion { get; private init; } = "";
    public RiskLevel SuggestedLevel { get; private init; }
    public List<RiskRuleMatch> Matches { get; private init; } = [];
    public List<RiskIndicator> ContributingIndicators { get; private init; } = [];
    public List<LegalFlag> LegalFlags { get; private init; } = [];
    public RiskLevel ChosenLevel { get; private init; }
    /// <summary>The level in force when the assessment was recorded; null for a first assessment.</summary>
    public RiskLevel? PreviousLevel { get; private init; }
    /// <summary>The level put in force straight away; the chosen level once countersigned if it needs a countersignature.</summary>
    public RiskLevel LevelInForceWhileAwaiting { get; private init; }
    public bool RequiresCountersignature { get; private init; }
    public string? Rationale { get; private init; }
    public string? Notes { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public RiskRuleResult Rules => new(RuleTableVersion, SuggestedLevel, Matches, ContributingIndicators, LegalFlags, false);

    /// <summary>
    /// REF-14, REF-15: choosing below the suggested level, or below the level in force, needs a team manager's
    /// countersignature. Raising is free.
    /// </summary>
    public static bool NeedsCountersignature(RiskLevel suggested, RiskLevel? inForce, RiskLevel chosen) =>
        chosen < suggested || (inForce is { } current && chosen < current);

    public static RiskAssessment Record(
        Guid youngPersonId, Guid? reviewId, DateOnly eventDate, RiskFacts facts, RiskRuleResult rules, RiskLevel chosen,
        RiskLevel? inForce, string? rationale, string? notes, Author author, IReadOnlyList<RiskIndicator>? indicatorsFromRecord = null)
    {
        var needs = NeedsCountersignature(rules.SuggestedLevel, inForce, chosen);
        // While a countersignature is awaited nothing goes down: the level in force stays (or, for a first assessment,
        // the suggested level applies); a part of the choice that raises the level in force applies at once.
        var interim = needs ? Max(inForce ?? rules.SuggestedLevel, chosen) : chosen;
        return new RiskAssessment
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            ReviewId = reviewId,
            EventDate = eventDate,
            AgeOnEventDate = facts.AgeOnEventDate,
            Indicators = facts.Indicators.Distinct().Order().ToList(),
            IndicatorsFromRecord = (indicatorsFromRecord ?? []).Distinct().Order().ToList(),
            SexualActivity = facts.SexualActivity,
            DisclosureOfAssault = facts.DisclosureOfAssault,
            MissingEpisodesInLast90Days = facts.MissingEpisodesInLast90Days,
            RuleTableVersion = rules.Version,
            SuggestedLevel = rules.SuggestedLevel,
            Matches = [.. rules.Matches],
            ContributingIndicators = [.. rules.ContributingIndicators],
            LegalFlags = [.. rules.LegalFlags],
            ChosenLevel = chosen,
            PreviousLevel = inForce,
            LevelInForceWhileAwaiting = interim,
            RequiresCountersignature = needs,
            Rationale = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }

    public RiskAssessmentStatus StatusWith(RiskAssessmentCountersignature? countersignature) =>
        !RequiresCountersignature ? RiskAssessmentStatus.Applied
        : countersignature is null ? RiskAssessmentStatus.AwaitingCountersignature
        : RiskAssessmentStatus.Countersigned;

    private static RiskLevel Max(RiskLevel a, RiskLevel b) => a > b ? a : b;
}

/// <summary>A team manager's countersignature of a lowered level (REF-14, REF-15). One per assessment (unique key).</summary>
public sealed class RiskAssessmentCountersignature
{
    private RiskAssessmentCountersignature() { }

    public Guid AssessmentId { get; private init; }
    public string CountersignedBy { get; private init; } = "";
    public string CountersignedByRole { get; private init; } = "";
    public DateTimeOffset CountersignedAt { get; private init; }

    public static RiskAssessmentCountersignature For(RiskAssessment assessment, Author manager) => new()
    {
        AssessmentId = assessment.Id,
        CountersignedBy = manager.UserId,
        CountersignedByRole = manager.Role,
        CountersignedAt = manager.At,
    };
}
