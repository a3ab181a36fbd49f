using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Assessments;

/// <summary>The sections REF-17 requires an assessment to write (contributions and signatures are kept apart).</summary>
public enum AssessmentSection
{
    /// <summary>"the child's own account and feelings, with the date they were seen alone".</summary>
    ChildsAccount,
    /// <summary>"impact, short-term and long-term".</summary>
    Impact,
    /// <summary>"analysis of what happened, why, and the consequences".</summary>
    Analysis,
    /// <summary>"needs and the plan".</summary>
    NeedsAndPlan,
}

/// <summary>How a need an assessment states is to be met (REF-17, THR-01): never just written down and left.</summary>
public enum NeedResponse
{
    /// <summary>The key worker gets a task to make the referral that meets it.</summary>
    ReferralTask,
    /// <summary>Nothing can meet it now: recorded as unmet need with a reason (COM-05).</summary>
    UnmetNeed,
}

/// <summary>One need stated in the needs section, such as "likely to need counselling" (Imray §4.5, Child H).</summary>
public sealed record AssessmentNeed(string Description, string Category, NeedResponse Response, UnmetNeedReason? UnmetNeedReason);

/// <summary>What one version of one section says; only the parts of its own section are set.</summary>
public sealed record AssessmentSectionContent(
    AssessmentSection Section,
    string? Account = null,
    string? Feelings = null,
    DateOnly? SeenAloneOn = null,
    string? ShortTermImpact = null,
    string? LongTermImpact = null,
    string? WhatHappened = null,
    string? Why = null,
    string? Consequences = null,
    string? Plan = null,
    IReadOnlyList<AssessmentNeed>? Needs = null);

/// <summary>
/// One version of one section of an assessment, append-only: rewriting a section adds a version, and the history of
/// what it said before stays (records are never silently changed).
/// </summary>
public sealed class AssessmentEntry
{
    private AssessmentEntry() { }

    public Guid Id { get; private init; }
    public Guid AssessmentId { get; private init; }
    /// <summary>The assessment's version this entry made; unique per assessment, so two writers racing cannot both land.</summary>
    public int Sequence { get; private init; }
    public AssessmentSection Section { get; private init; }
    public string? Account { get; private init; }
    public string? Feelings { get; private init; }
    public DateOnly? SeenAloneOn { get; private init; }
    public string? ShortTermImpact { get; private init; }
    public string? LongTermImpact { get; private init; }
    public string? WhatHappened { get; private init; }
    public string? Why { get; private init; }
    public string? Consequences { get; private init; }
    public string? Plan { get; private init; }
    public List<AssessmentNeed> Needs { get; private init; } = [];
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    internal static AssessmentEntry Record(Assessment assessment, AssessmentSectionContent c, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        AssessmentId = assessment.Id,
        Sequence = assessment.Version,
        Section = c.Section,
        Account = c.Account,
        Feelings = c.Feelings,
        SeenAloneOn = c.SeenAloneOn,
        ShortTermImpact = c.ShortTermImpact,
        LongTermImpact = c.LongTermImpact,
        WhatHappened = c.WhatHappened,
        Why = c.Why,
        Consequences = c.Consequences,
        Plan = c.Plan,
        Needs = [.. c.Needs ?? []],
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
