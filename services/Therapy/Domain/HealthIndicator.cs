using Support.Contracts.Risk;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

public enum SharingBasis
{
    Consent,
    SafeguardingOverride,
}

/// <summary>A health event that is a CSE indicator (THR-08). Append-only: a mistake is corrected by a new entry.</summary>
public sealed class HealthIndicator
{
    private HealthIndicator() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public HealthIndicatorType Type { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public SharingBasis SharingBasis { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static HealthIndicator Record(Guid youngPersonId, HealthIndicatorType type, DateTimeOffset occurredAt, SharingBasis basis, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), YoungPersonId = youngPersonId, Type = type, OccurredAt = occurredAt, SharingBasis = basis,
        RecordedBy = author.UserId, RecordedByRole = author.Role, RecordedAt = author.At,
    };

    /// <summary>The risk indicators (REF-14) each health event counts as, so Referrals never re-derives them.</summary>
    public static IReadOnlyList<RiskIndicator> RiskIndicatorsOf(HealthIndicatorType type) => type switch
    {
        HealthIndicatorType.Pregnancy => [RiskIndicator.Pregnancy],
        HealthIndicatorType.Termination or HealthIndicatorType.Miscarriage => [RiskIndicator.TerminationOrMiscarriage],
        HealthIndicatorType.Sti => [RiskIndicator.Sti],
        HealthIndicatorType.SelfHarmAdmission or HealthIndicatorType.Overdose => [RiskIndicator.SelfHarm],
        // A crisis or a PTSD diagnosis still opens a review; it names no REF-14 indicator of its own.
        _ => [],
    };
}
