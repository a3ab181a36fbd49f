using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.Referrals;

/// <summary>What a referral says about the concern, as sent by the referrer.</summary>
public sealed record ReferralContent(
    CseType CseType,
    bool AdultInvolved,
    IReadOnlyCollection<RiskIndicator> Indicators,
    bool SexualActivity,
    bool DisclosureOfAssault,
    DateTimeOffset ConcernOccurredAt,
    string Narrative);

/// <summary>
/// Who made the referral: kept for reports and to tell them of a reclassification, never for priority (REF-01). A
/// parent or carer who told the support line is referred by the duty worker from that conversation (SL-09), and the
/// conversation is named so the line can see what became of the report.
/// </summary>
public sealed record Referrer(ReferrerRole Role, string? Organisation, Guid? SupportLineConversationId = null);

/// <summary>
/// A referral at the front door. What was received (content, the rule result, the priority computed at intake) never
/// changes. The current classification, the decision time and the overdue notice are a current-state projection; the
/// records behind them (decision, s47 decisions, reclassifications and their approvals) are append-only rows beside it.
/// </summary>
public sealed class Referral
{
    /// <summary>Part I <c>ReferralDecisionDeadline</c>: 1 working day from receipt (REF-04).</summary>
    public const int DecisionWorkingDays = 1;

    private readonly List<ReferralDecision> _decisions = [];
    private readonly List<S47Decision> _s47Decisions = [];
    private readonly List<Reclassification> _reclassifications = [];

    private Referral() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }

    public ReferrerRole ReferrerRole { get; private init; }
    public string? ReferrerOrganisation { get; private init; }
    /// <summary>The support-line conversation the report came through (SL-09), when it did.</summary>
    public Guid? SupportLineConversationId { get; private init; }

    /// <summary>The category at intake; reports count by both this and <see cref="CseType"/> (REF-02).</summary>
    public CseType OriginalCseType { get; private init; }
    public bool AdultInvolved { get; private init; }
    /// <summary>The indicators recorded at intake: they stay attached whatever the referral is reclassified to (REF-02).</summary>
    public List<RiskIndicator> Indicators { get; private init; } = [];
    public bool SexualActivity { get; private init; }
    public bool DisclosureOfAssault { get; private init; }
    public DateTimeOffset ConcernOccurredAt { get; private init; }
    public int AgeOnConcernDate { get; private init; }
    public string Narrative { get; private init; } = "";

    public string RuleTableVersion { get; private init; } = "";
    public RiskLevel RiskLevel { get; private init; }
    public bool ReasonableCause { get; private init; }
    public List<LegalFlag> LegalFlags { get; private init; } = [];
    public ReferralPriority OriginalPriority { get; private init; }
    public List<string> PriorityReasons { get; private init; } = [];

    public bool IsReReferral { get; private init; }
    public int ReReferralsInLast12Months { get; private init; }
    /// <summary>REF-20: a re-referral within 12 months is decided by a manager.</summary>
    public bool ManagerReviewRequired { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }
    public string ReceivedBy { get; private init; } = "";
    public string ReceivedByRole { get; private init; } = "";
    public DateTimeOffset DecisionDueAt { get; private init; }
    /// <summary>
    /// REF-04: an undecided referral escalates to a senior manager this long after its deadline (working days, set
    /// by <see cref="FrontDoorOptions"/> at receipt and kept, so a later change of setting does not move it).
    /// </summary>
    public DateTimeOffset EscalatesAt { get; private init; }

    // Current state (projection of the append-only records below).
    public CseType CseType { get; private set; }
    public ReferralPriority Priority { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>When <c>ReferralDecisionOverdue</c> was written to the outbox; set once, so it is announced once.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }
    /// <summary>When <c>ReferralDecisionEscalated</c> was written to the outbox; set once, so it is announced once.</summary>
    public DateTimeOffset? EscalationNotifiedAt { get; private set; }

    public IReadOnlyList<ReferralDecision> Decisions => _decisions;
    public IReadOnlyList<S47Decision> S47Decisions => _s47Decisions;
    public IReadOnlyList<Reclassification> Reclassifications => _reclassifications;

    public ReferralDecision? Decision => _decisions.MinBy(d => d.DecidedAt);
    public S47Decision? LatestS47Decision => _s47Decisions.MaxBy(d => d.RecordedAt);
    public Reclassification? PendingReclassification => _reclassifications.SingleOrDefault(r => r.Status == ReclassificationStatus.Pending);

    public bool IsOverdue(DateTimeOffset now) => DecidedAt is null && now > DecisionDueAt;

    /// <summary>REF-04: still undecided past the escalation point, so it is on the senior manager's list.</summary>
    public bool IsEscalated(DateTimeOffset now) => DecidedAt is null && now > EscalatesAt;

    public static IEnumerable<RuleViolation> Check(ReferralContent content, DateTimeOffset now)
    {
        // REF-05: a referral involving an adult cannot be routed to the peer-only pathway.
        if (content.AdultInvolved && !ResponsePathways.For(content.CseType).AdultInvolvementAllowed)
        {
            yield return new("adultInvolved", $"A referral involving an adult cannot take the {content.CseType} pathway (REF-05): choose the form of CSE the adult's involvement shows.");
        }
        if (content.ConcernOccurredAt > now + TimeSpan.FromMinutes(5))
        {
            yield return new("occurredAt", "'occurredAt' cannot be in the future.");
        }
    }

    /// <summary>
    /// Receives a referral. The date of birth comes from the registry and the age is computed on the London date of
    /// the concern (REF-07); <paramref name="earlierReferralsInWindow"/> counts the young person's referrals received in
    /// the last 12 months (REF-20). The referrer is stored, but nothing computed here reads it (REF-01).
    /// <paramref name="escalationWorkingDays"/> is the further period after the deadline before a senior manager is
    /// told (REF-04).
    /// </summary>
    public static Referral Receive(
        Guid youngPersonId, DateOnly dateOfBirth, Referrer referrer, ReferralContent content, bool hasEarlierReferrals,
        int earlierReferralsInWindow, int escalationWorkingDays, Author author)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(escalationWorkingDays, 1);
        if (Check(content, author.At).FirstOrDefault() is { } violation)
        {
            throw new ArgumentException(violation.Message, nameof(content));
        }
        var concernDate = London.DateOf(content.ConcernOccurredAt);
        var age = YoungPerson.AgeOn(dateOfBirth, concernDate);
        // REF-01: only the content and the age go into the rules; the referrer is not in RiskFacts at all.
        var rules = RiskRuleTable.Evaluate(new RiskFacts(content.Indicators, age, content.SexualActivity, content.DisclosureOfAssault));
        var (priority, reasons) = ReferralPriorities.Compute(rules, earlierReferralsInWindow);
        // PostgreSQL keeps microseconds: the response must show the instants exactly as stored and read back.
        var receivedAt = author.At.ToStoredPrecision();
        return new Referral
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            ReferrerRole = referrer.Role,
            ReferrerOrganisation = string.IsNullOrWhiteSpace(referrer.Organisation) ? null : referrer.Organisation.Trim(),
            SupportLineConversationId = referrer.SupportLineConversationId,
            OriginalCseType = content.CseType,
            CseType = content.CseType,
            AdultInvolved = content.AdultInvolved,
            Indicators = content.Indicators.Distinct().Order().ToList(),
            SexualActivity = content.SexualActivity,
            DisclosureOfAssault = content.DisclosureOfAssault,
            ConcernOccurredAt = content.ConcernOccurredAt.ToUniversalTime().ToStoredPrecision(),
            AgeOnConcernDate = age,
            Narrative = content.Narrative.Trim(),
            RuleTableVersion = rules.Version,
            RiskLevel = rules.SuggestedLevel,
            ReasonableCause = rules.ReasonableCause,
            LegalFlags = [.. rules.LegalFlags],
            OriginalPriority = priority,
            Priority = priority,
            PriorityReasons = reasons,
            IsReReferral = hasEarlierReferrals,
            ReReferralsInLast12Months = earlierReferralsInWindow,
            ManagerReviewRequired = earlierReferralsInWindow > 0,
            ReceivedAt = receivedAt,
            ReceivedBy = author.UserId,
            ReceivedByRole = author.Role,
            // REF-04 and REF-01: from the time of receipt only, whoever sent it.
            DecisionDueAt = WorkingDays.Add(receivedAt, DecisionWorkingDays),
            EscalatesAt = WorkingDays.Add(receivedAt, DecisionWorkingDays + escalationWorkingDays),
        };
    }

    /// <summary>
    /// The front-door decision. There is one: a second is a conflict, never an overwrite. REF-03: a referral whose rule
    /// result carries reasonable cause cannot be closed at the front door (signposted to outreach, or no further action)
    /// until a manager has recorded an s47 decision, and not at all if that decision was that s47 enquiries are needed.
    /// </summary>
    public ReferralDecision Decide(ReferralOutcome outcome, string rationale, Author author)
    {
        if (DecidedAt is not null || _decisions.Count > 0)
        {
            throw new DomainConflictException("ReferralAlreadyDecided", "The referral has already been decided; a decision is not overwritten.");
        }
        if (ClosesAtTheFrontDoor(outcome) && ReasonableCause)
        {
            var closing = outcome == ReferralOutcome.SignpostedToOutreach ? "signposted to outreach" : "closed with no further action";
            if (LatestS47Decision is null)
            {
                throw new DomainConflictException("ReasonableCause",
                    $"The referral carries reasonable cause to suspect significant harm (REF-03): it cannot be {closing} until a team manager records an s47 decision.");
            }
            if (LatestS47Decision.S47Required)
            {
                throw new DomainConflictException("S47Required",
                    $"A team manager decided that s47 enquiries are needed (REF-03): the referral cannot be {closing} instead.");
            }
        }
        var decision = ReferralDecision.Create(Id, outcome, rationale, DecisionDueAt, author);
        _decisions.Add(decision);
        DecidedAt = decision.DecidedAt;
        return decision;
    }

    /// <summary>REF-03: the outcomes that end the referral's safeguarding route at the front door.</summary>
    public static bool ClosesAtTheFrontDoor(ReferralOutcome outcome) =>
        outcome is ReferralOutcome.SignpostedToOutreach or ReferralOutcome.NoFurtherAction;

    public S47Decision RecordS47Decision(bool s47Required, string rationale, Author author)
    {
        var decision = S47Decision.Create(Id, s47Required, rationale, LatestS47Decision?.Id, author);
        _s47Decisions.Add(decision);
        return decision;
    }

    /// <summary>
    /// REF-02: a request to change the category and/or the priority. Raising takes effect at once. Moving away from
    /// CSE, onto the lighter peer pathway, or lowering the priority needs a rationale and a team manager's approval;
    /// until then the current classification stays in force.
    /// </summary>
    public Reclassification RequestReclassification(CseType? toCseType, ReferralPriority? toPriority, string? rationale, Author author)
    {
        if (PendingReclassification is not null)
        {
            throw new DomainConflictException("ReclassificationPending", "A reclassification of this referral is waiting for a manager's approval.");
        }
        var newType = toCseType ?? CseType;
        var newPriority = toPriority ?? Priority;
        if (newType == CseType && newPriority == Priority)
        {
            throw new RuleViolationException(new("cseType", "The request changes neither the CSE type nor the priority."));
        }
        if (newType == CseType.PeerImageSharing && AdultInvolved)
        {
            throw new RuleViolationException(new("cseType", "A referral involving an adult cannot take the PeerImageSharing pathway (REF-05)."));
        }
        var needsApproval = NeedsApproval(CseType, newType, Priority, newPriority);
        if (needsApproval && string.IsNullOrWhiteSpace(rationale))
        {
            throw new RuleViolationException(new("rationale", "A move away from CSE, to the peer pathway, or to a lower priority needs a rationale (REF-02)."));
        }
        var reclassification = Reclassification.Create(Id, CseType, newType, Priority, newPriority, rationale, needsApproval, author);
        _reclassifications.Add(reclassification);
        if (!needsApproval)
        {
            Apply(reclassification);
        }
        return reclassification;
    }

    public ReclassificationResolution Resolve(Guid reclassificationId, bool approve, string? note, Author author)
    {
        var reclassification = _reclassifications.SingleOrDefault(r => r.Id == reclassificationId)
            ?? throw new KeyNotFoundException("No such reclassification on this referral.");
        if (reclassification.Status != ReclassificationStatus.Pending)
        {
            throw new DomainConflictException("ReclassificationNotPending", $"The reclassification is {reclassification.Status}, not waiting for approval.");
        }
        if (reclassification.RequestedBy == author.UserId)
        {
            throw new DomainConflictException("OwnRequest", "A reclassification is approved or rejected by a manager other than the one who asked for it (REF-02).");
        }
        var resolution = reclassification.Resolve(approve, note, author);
        if (approve)
        {
            Apply(reclassification);
        }
        return resolution;
    }

    private void Apply(Reclassification reclassification)
    {
        CseType = reclassification.ToCseType;
        Priority = reclassification.ToPriority;
    }

    /// <summary>Moving to NotCse or onto the peer-only pathway, or any lowering of priority, needs a manager (REF-02).</summary>
    public static bool NeedsApproval(CseType fromType, CseType toType, ReferralPriority fromPriority, ReferralPriority toPriority) =>
        toPriority < fromPriority
        || (toType != fromType && toType is CseType.NotCse or CseType.PeerImageSharing);

    /// <summary>Marks the overdue notice; false if it was already given or the referral is decided or not yet due.</summary>
    public bool MarkOverdueNotified(DateTimeOffset now)
    {
        if (OverdueNotifiedAt is not null || !IsOverdue(now))
        {
            return false;
        }
        OverdueNotifiedAt = now;
        return true;
    }

    public bool MarkEscalationNotified(DateTimeOffset now)
    {
        if (EscalationNotifiedAt is not null || !IsEscalated(now))
        {
            return false;
        }
        EscalationNotifiedAt = now;
        return true;
    }
}
