using Support.Contracts.Escalations;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Escalations;

/// <summary>
/// REF-21: a professional's challenge to a decision about a young person. Anyone in the case team or a partner may
/// lodge one; it goes to a reviewer above the decision-maker (<see cref="ReviewerRole"/>), has a deadline for a written
/// response (<see cref="RespondBy"/>) and stays open until that response is stored. Nothing about how it was lodged can
/// void it: a procedural defect is its own row beside it. The row never changes except for the one mark that its
/// missed deadline was announced.
/// </summary>
public sealed class ProfessionalEscalation
{
    private ProfessionalEscalation() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public EscalatedDecisionKind DecisionKind { get; private init; }
    /// <summary>Which decision, in the lodger's words or as <c>kind:id</c> (for example <c>share-refusal:{id}</c>); optional.</summary>
    public string? DecisionReference { get; private init; }
    /// <summary>The user id of whoever made the decision, when known: they may never answer the escalation.</summary>
    public string? DecisionMadeBy { get; private init; }
    public string? DecisionMadeByRole { get; private init; }
    /// <summary>What is wrong with the decision and what the lodger asks for.</summary>
    public string Concern { get; private init; } = "";
    /// <summary>The lowest role that may answer: <see cref="Roles.TeamManager"/> (or a senior manager), or <see cref="Roles.SeniorManager"/>.</summary>
    public string ReviewerRole { get; private init; } = "";
    public DateTimeOffset RespondBy { get; private init; }
    public DateTimeOffset LodgedAt { get; private init; }
    public string LodgedBy { get; private init; } = "";
    public string LodgedByRole { get; private init; } = "";
    /// <summary>When the missed response deadline was announced; set once, so it is announced once.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }

    /// <summary>Roles whose decisions only a senior manager may review: "a reviewer above the decision-maker".</summary>
    private static readonly string[] ManagerialRoles = [Roles.TeamManager, Roles.SeniorManager, Roles.Chair, Roles.Iro];

    public static ProfessionalEscalation Lodge(
        Guid youngPersonId, EscalatedDecisionKind kind, string? decisionReference, string? decisionMadeBy, string? decisionMadeByRole,
        string concern, int responseWorkingDays, Author lodger) => new()
    {
        Id = Guid.CreateVersion7(lodger.At),
        YoungPersonId = youngPersonId,
        DecisionKind = kind,
        DecisionReference = Blank(decisionReference),
        DecisionMadeBy = Blank(decisionMadeBy),
        DecisionMadeByRole = Blank(decisionMadeByRole),
        Concern = concern.Trim(),
        ReviewerRole = decisionMadeByRole is { } role && ManagerialRoles.Contains(role) ? Roles.SeniorManager : Roles.TeamManager,
        RespondBy = Support.ServiceDefaults.Time.WorkingDays.Add(lodger.At, responseWorkingDays).ToUniversalTime(),
        LodgedAt = lodger.At.ToUniversalTime(),
        LodgedBy = lodger.UserId,
        LodgedByRole = lodger.Role,
    };

    /// <summary>Overdue from the first instant after the deadline (a response at the deadline itself is in time).</summary>
    public bool IsOverdueAt(DateTimeOffset now, bool answered) => !answered && now > RespondBy;

    /// <summary>Whole days since it was lodged, for the senior manager's dashboard ("with their age in days").</summary>
    public int AgeInDaysAt(DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - LodgedAt).TotalDays));

    /// <summary>
    /// Why this reviewer may not answer, or null when they may: never the decision-maker or the lodger, and a manager's
    /// decision only by a senior manager.
    /// </summary>
    public string? WhyNotAnswerableBy(string userId, IReadOnlyCollection<string> roles)
    {
        if (userId == DecisionMadeBy)
        {
            return "The person who made the decision cannot answer an escalation of it: it goes to a reviewer above them.";
        }
        if (userId == LodgedBy)
        {
            return "The person who lodged the escalation cannot answer it.";
        }
        return ReviewerRole == Roles.SeniorManager && !roles.Contains(Roles.SeniorManager)
            ? "A manager made this decision, so a senior manager answers the escalation."
            : null;
    }

    public bool MarkOverdueAnnounced(DateTimeOffset now, bool answered)
    {
        if (!IsOverdueAt(now, answered) || OverdueAnnouncedAt is not null)
        {
            return false;
        }
        OverdueAnnouncedAt = now.ToUniversalTime();
        return true;
    }

    public ProfessionalEscalationLodged Announced() => new()
    {
        EscalationId = Id,
        YoungPersonId = YoungPersonId,
        DecisionKind = DecisionKind,
        ReviewerRole = ReviewerRole,
        RespondBy = RespondBy,
        RecordedBy = LodgedBy,
        RecordedByRole = LodgedByRole,
        OccurredAt = LodgedAt,
    };

    public ProfessionalEscalationAnswered Announced(EscalationResponse response) => new()
    {
        EscalationId = Id,
        YoungPersonId = YoungPersonId,
        Outcome = response.Outcome,
        Late = response.Late,
        RecordedBy = response.RespondedBy,
        RecordedByRole = response.RespondedByRole,
        OccurredAt = response.RespondedAt,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The reviewer's written response (REF-21): one per escalation, never changed; it closes the escalation.</summary>
public sealed class EscalationResponse
{
    private EscalationResponse() { }

    public Guid EscalationId { get; private init; }
    public EscalationOutcome Outcome { get; private init; }
    public string Response { get; private init; } = "";
    public bool Late { get; private init; }
    public DateTimeOffset RespondedAt { get; private init; }
    public string RespondedBy { get; private init; } = "";
    public string RespondedByRole { get; private init; } = "";

    public static EscalationResponse To(ProfessionalEscalation escalation, EscalationOutcome outcome, string response, Author reviewer) => new()
    {
        EscalationId = escalation.Id,
        Outcome = outcome,
        Response = response.Trim(),
        Late = reviewer.At > escalation.RespondBy,
        RespondedAt = reviewer.At.ToUniversalTime(),
        RespondedBy = reviewer.UserId,
        RespondedByRole = reviewer.Role,
    };
}

/// <summary>
/// A defect in how an escalation was lodged (the wrong route, a missing form) noted by a reviewer (REF-21): recorded
/// separately, and it never voids, closes or delays the escalation. Casey L1626: the response to a raised case was "to
/// criticise the person referring the case for allegedly getting the procedure wrong ... After that, nothing happened".
/// </summary>
public sealed class ProceduralDefect
{
    private ProceduralDefect() { }

    public Guid Id { get; private init; }
    public Guid EscalationId { get; private init; }
    public string Description { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static ProceduralDefect Of(ProfessionalEscalation escalation, string description, Author reviewer) => new()
    {
        Id = Guid.CreateVersion7(reviewer.At),
        EscalationId = escalation.Id,
        Description = description.Trim(),
        RecordedAt = reviewer.At.ToUniversalTime(),
        RecordedBy = reviewer.UserId,
        RecordedByRole = reviewer.Role,
    };
}
