using Support.ServiceDefaults.Auth;

namespace Support.Missing.Domain;

/// <summary>Disruption tools (domain brief §4.6, Casey Annex E). New values are added at the end and never renamed.</summary>
public enum DisruptionTool
{
    AbductionNotice,
    SexualHarmPreventionOrder,
    CivilInjunction,
    ClosureOrder,
    InherentJurisdictionInjunction,
    LocalGovernmentActSection222Injunction,
    LicensingAction,
    VictimlessProsecution,
}

/// <summary>INT-03: the decision taken on a tool.</summary>
public enum DisruptionDecision
{
    Considered,
    Pursued,
    NotApplicable,
    Obtained,
}

/// <summary>
/// INT-03 (Casey: "excessive dependence on victims' disclosure"): a disruption option the return-home interview's
/// findings put on the table, with the decision, its rationale and an owner, even when the young person makes no
/// complaint. Recorded with the completed interview; never changed.
/// </summary>
public sealed class DisruptionOption
{
    private DisruptionOption() { }

    public Guid Id { get; private init; }
    public Guid InterviewId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DisruptionTool Tool { get; private init; }
    public DisruptionDecision Decision { get; private init; }
    /// <summary>Who takes it forward (a user id or a named role, such as police liaison).</summary>
    public string Owner { get; private init; } = "";
    public string Rationale { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static DisruptionOption For(ReturnInterview interview, DisruptionTool tool, DisruptionDecision decision, string owner, string rationale, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        InterviewId = interview.Id,
        YoungPersonId = interview.YoungPersonId,
        Tool = tool,
        Decision = decision,
        Owner = owner.Trim(),
        Rationale = rationale.Trim(),
        RecordedAt = author.At.ToUniversalTime(),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
