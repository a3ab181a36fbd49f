using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Placements;

/// <summary>
/// A young person's known risk to other children (REF-26; Imray §4.7: Child E, 12, was raped by a 16-year-old "with a
/// known history of sexually abusive behaviours who was already resident in the unit"). It can say whom the risk is
/// towards (a gender, children younger than an age); without either it matches every child. Append-only; withdrawn
/// by a manager with its own row.
/// </summary>
public sealed class RiskToOthersFlag
{
    private RiskToOthersFlag() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Description { get; private init; } = "";
    public Gender? TowardsGender { get; private init; }
    /// <summary>The risk is towards children younger than this age, in whole years.</summary>
    public int? TowardsYoungerThan { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static RiskToOthersFlag Record(Guid youngPersonId, string description, Gender? towardsGender, int? towardsYoungerThan, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Description = description.Trim(),
        TowardsGender = towardsGender,
        TowardsYoungerThan = towardsYoungerThan,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };

    /// <summary>Whether a child of this gender and age is among those the risk is towards.</summary>
    public bool Matches(Gender childGender, int childAge) =>
        (TowardsGender is null || TowardsGender == childGender) && (TowardsYoungerThan is null || childAge < TowardsYoungerThan);
}

/// <summary>A manager's withdrawal of a risk-to-others flag, with the reason; the flag itself stays on the record.</summary>
public sealed class RiskToOthersWithdrawal
{
    private RiskToOthersWithdrawal() { }

    public Guid FlagId { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset WithdrawnAt { get; private init; }
    public string WithdrawnBy { get; private init; } = "";

    public static RiskToOthersWithdrawal Of(Guid flagId, string reason, Author author) => new()
    {
        FlagId = flagId, Reason = reason.Trim(), WithdrawnAt = author.At, WithdrawnBy = author.UserId,
    };
}
