using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Domain;

public enum InterviewAction
{
    Offer,
    Complete,
    Decline,
    RecordNotCompleted,
}

/// <summary>What the young person said in a completed return-home interview (MIS-03).</summary>
public sealed record InterviewFindings(
    DateTimeOffset ConductedAt,
    string WhereTheyWere,
    IReadOnlyList<string> Locations,
    string? WhoWith,
    string? PushFactors,
    string? PullFactors,
    IReadOnlyList<RiskIndicator> RiskIndicators,
    bool DisclosureMade,
    string? Disclosure,
    string? YoungPersonsWords,
    InformationSharingBasis SharingBasis,
    IReadOnlyList<string>? Persons = null,
    IReadOnlyList<string>? Vehicles = null,
    IReadOnlyList<string>? Places = null);

/// <summary>
/// The return-home interview a return creates (MIS-02), due a fixed elapsed time after the return. It is offered by
/// an independent return-home-interview worker, then ends exactly once: completed, declined by the young person (with
/// their reason) or not completed (with a reason, signed off by a team or senior manager). Every step keeps who
/// recorded it and when; none can be recorded twice.
/// </summary>
public sealed class ReturnInterview
{
    /// <summary>Roles whose sign-off closes an interview that did not take place.</summary>
    public static readonly IReadOnlyList<string> SignOffRoles = [Roles.TeamManager, Roles.SeniorManager];

    private ReturnInterview() { }

    public Guid Id { get; private init; }
    public Guid EpisodeId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateTimeOffset ReturnedAt { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public ReturnInterviewStatus Status { get; private set; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public DateTimeOffset? OfferedAt { get; private set; }
    public DateTimeOffset? OfferRecordedAt { get; private set; }
    public string? OfferRecordedBy { get; private set; }
    public string? OfferRecordedByRole { get; private set; }

    public DateTimeOffset? ConductedAt { get; private set; }
    public string? WhereTheyWere { get; private set; }
    public List<string> Locations { get; private set; } = [];
    public string? WhoWith { get; private set; }
    public string? PushFactors { get; private set; }
    public string? PullFactors { get; private set; }
    public List<RiskIndicator> RiskIndicators { get; private set; } = [];
    public bool? DisclosureMade { get; private set; }
    public string? Disclosure { get; private set; }
    public string? YoungPersonsWords { get; private set; }
    public InformationSharingBasis? SharingBasis { get; private set; }

    /// <summary>MIS-03, INT-01: named adults (names or nicknames), vehicles and places the findings propose as links.</summary>
    public List<string> ProposedPersons { get; private set; } = [];
    public List<string> ProposedVehicles { get; private set; } = [];
    public List<string> ProposedPlaces { get; private set; } = [];

    /// <summary>
    /// MIS-02, Casey-Y ("The police refuse, stating it would all be logged as 'intelligence'"): the police declined to
    /// interview. Recorded, shown, and changes nothing else: the interview stays due with its provider and its clock.
    /// </summary>
    public DateTimeOffset? PoliceRefusedAt { get; private set; }
    public string? PoliceRefusalReason { get; private set; }
    public DateTimeOffset? PoliceRefusalRecordedAt { get; private set; }
    public string? PoliceRefusalRecordedBy { get; private set; }
    public string? PoliceRefusalRecordedByRole { get; private set; }

    /// <summary>The young person's reason for declining, or why the interview was not completed.</summary>
    public string? NotHeldReason { get; private set; }

    public DateTimeOffset? OutcomeRecordedAt { get; private set; }
    public string? OutcomeRecordedBy { get; private set; }
    public string? OutcomeRecordedByRole { get; private set; }

    /// <summary>When <c>ReturnInterviewOverdue</c> was written to the outbox; set once, so it is announced once.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    public bool IsFinished => Status.IsFinished();

    public bool IsOverdueAt(DateTimeOffset now) => !IsFinished && ReturnInterviewDeadline.IsOverdue(DueAt, now);

    internal static ReturnInterview Create(MissingEpisode episode, Author author, TimeSpan deadline)
    {
        var returnedAt = episode.ReturnedAt ?? throw new InvalidOperationException("An interview follows a return.");
        return new ReturnInterview
        {
            Id = Guid.CreateVersion7(author.At),
            EpisodeId = episode.Id,
            YoungPersonId = episode.YoungPersonId,
            ReturnedAt = returnedAt,
            DueAt = ReturnInterviewDeadline.DueAt(returnedAt, deadline),
            Status = ReturnInterviewStatus.Due,
            RecordedAt = author.At.ToUniversalTime(),
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }

    public IReadOnlyList<RuleViolation> CheckOffer(DateTimeOffset offeredAt, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        if (offeredAt < ReturnedAt)
        {
            violations.Add(new RuleViolation("offeredAt", "'offeredAt' cannot be before the young person returned."));
        }
        if (Clock.IsInTheFuture(offeredAt, now))
        {
            violations.Add(new RuleViolation("offeredAt", "'offeredAt' cannot be in the future."));
        }
        return violations;
    }

    /// <summary>Why <paramref name="action"/> cannot be taken in the interview's current state (a 409), or null when it can.</summary>
    public string? ConflictWith(InterviewAction action) => (action, Status) switch
    {
        (_, _) when IsFinished => $"The interview has already ended ({Status}).",
        (InterviewAction.Offer, ReturnInterviewStatus.Offered) => "The interview has already been offered.",
        (InterviewAction.Complete or InterviewAction.Decline, ReturnInterviewStatus.Due) =>
            "The interview must be offered before it is completed or declined.",
        _ => null,
    };

    public void Offer(DateTimeOffset offeredAt, Author author)
    {
        ThrowIfConflict(InterviewAction.Offer);
        ThrowIfBroken(CheckOffer(offeredAt, author.At));
        OfferedAt = offeredAt.ToUniversalTime();
        (OfferRecordedAt, OfferRecordedBy, OfferRecordedByRole) = (author.At.ToUniversalTime(), author.UserId, author.Role);
        Status = ReturnInterviewStatus.Offered;
    }

    public IReadOnlyList<RuleViolation> CheckFindings(InterviewFindings findings, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        if (OfferedAt is { } offeredAt && findings.ConductedAt < offeredAt)
        {
            violations.Add(new RuleViolation("conductedAt", "'conductedAt' cannot be before the interview was offered."));
        }
        if (Clock.IsInTheFuture(findings.ConductedAt, now))
        {
            violations.Add(new RuleViolation("conductedAt", "'conductedAt' cannot be in the future."));
        }
        if (!findings.DisclosureMade && !string.IsNullOrWhiteSpace(findings.Disclosure))
        {
            violations.Add(new RuleViolation("disclosure", "'disclosure' is recorded only when 'disclosureMade' is true."));
        }
        return violations;
    }

    public void Complete(InterviewFindings findings, Author author)
    {
        ThrowIfConflict(InterviewAction.Complete);
        ThrowIfBroken(CheckFindings(findings, author.At));
        ConductedAt = findings.ConductedAt.ToUniversalTime();
        WhereTheyWere = findings.WhereTheyWere.Trim();
        Locations = findings.Locations.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        WhoWith = Clean(findings.WhoWith);
        PushFactors = Clean(findings.PushFactors);
        PullFactors = Clean(findings.PullFactors);
        RiskIndicators = findings.RiskIndicators.Distinct().ToList();
        DisclosureMade = findings.DisclosureMade;
        Disclosure = findings.DisclosureMade ? Clean(findings.Disclosure) : null;
        YoungPersonsWords = Clean(findings.YoungPersonsWords);
        SharingBasis = findings.SharingBasis;
        ProposedPersons = Distinct(findings.Persons);
        ProposedVehicles = Distinct(findings.Vehicles);
        ProposedPlaces = Distinct(findings.Places);
        End(ReturnInterviewStatus.Completed, reason: null, author);
    }

    /// <summary>The disclosure in the young person's words, for sharing, only where the recorded basis allows it (MIS-03).</summary>
    public string? ShareableDisclosure() =>
        Status == ReturnInterviewStatus.Completed && DisclosureMade == true && SharingBasis is { } basis && basis.AllowsSharingFreeText()
            ? Disclosure
            : null;

    /// <summary>
    /// The young person's account in their own words, for their record in Referrals (issue 16 item 4), under the same
    /// rule as the disclosure: only where the recorded basis allows free text to be shared (MIS-03).
    /// </summary>
    public string? ShareableWords() =>
        Status == ReturnInterviewStatus.Completed && !string.IsNullOrWhiteSpace(YoungPersonsWords) && SharingBasis is { } basis && basis.AllowsSharingFreeText()
            ? YoungPersonsWords
            : null;

    /// <summary>The young person said no to the interview; their reason is recorded (MIS-02).</summary>
    public void Decline(string reason, Author author)
    {
        ThrowIfConflict(InterviewAction.Decline);
        End(ReturnInterviewStatus.DeclinedByYoungPerson, reason, author);
    }

    /// <summary>The interview did not happen for another reason; a team or senior manager signs it off (MIS-02).</summary>
    public void RecordNotCompleted(string reason, Author manager)
    {
        if (!SignOffRoles.Contains(manager.Role))
        {
            throw new InvalidOperationException("Only a team or senior manager signs off an interview that was not completed.");
        }
        ThrowIfConflict(InterviewAction.RecordNotCompleted);
        End(ReturnInterviewStatus.NotCompleted, reason, manager);
    }

    public IReadOnlyList<RuleViolation> CheckPoliceRefusal(DateTimeOffset refusedAt, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        if (refusedAt < ReturnedAt)
        {
            violations.Add(new RuleViolation("refusedAt", "'refusedAt' cannot be before the young person returned."));
        }
        if (Clock.IsInTheFuture(refusedAt, now))
        {
            violations.Add(new RuleViolation("refusedAt", "'refusedAt' cannot be in the future."));
        }
        return violations;
    }

    /// <summary>Records the police's refusal to interview; the status, the deadline and the overdue clock are untouched (MIS-02).</summary>
    public void RecordPoliceRefusal(DateTimeOffset refusedAt, string reason, Author author)
    {
        if (PoliceRefusedAt is not null)
        {
            throw new DomainConflictException("A police refusal is already recorded on this interview.");
        }
        ThrowIfBroken(CheckPoliceRefusal(refusedAt, author.At));
        PoliceRefusedAt = refusedAt.ToUniversalTime();
        PoliceRefusalReason = reason.Trim();
        (PoliceRefusalRecordedAt, PoliceRefusalRecordedBy, PoliceRefusalRecordedByRole) = (author.At.ToUniversalTime(), author.UserId, author.Role);
    }

    /// <summary>Marks the interview as announced overdue; false when it is finished, not yet due or already announced.</summary>
    public bool MarkOverdueNotified(DateTimeOffset now)
    {
        if (!IsOverdueAt(now) || OverdueNotifiedAt is not null)
        {
            return false;
        }
        OverdueNotifiedAt = now.ToUniversalTime();
        return true;
    }

    private void ThrowIfConflict(InterviewAction action)
    {
        if (ConflictWith(action) is { } conflict)
        {
            throw new DomainConflictException(conflict);
        }
    }

    private void End(ReturnInterviewStatus outcome, string? reason, Author author)
    {
        NotHeldReason = Clean(reason);
        (OutcomeRecordedAt, OutcomeRecordedBy, OutcomeRecordedByRole) = (author.At.ToUniversalTime(), author.UserId, author.Role);
        Status = outcome;
    }

    private static void ThrowIfBroken(IReadOnlyList<RuleViolation> violations)
    {
        if (violations is [var first, ..])
        {
            throw new ArgumentException(first.Message);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Distinct(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
