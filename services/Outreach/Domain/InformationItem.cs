using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>Who gave the information (OUT-03).</summary>
public enum InformationSourceKind
{
    YoungPersonFirstHand,
    Peer,
    Parent,
    Professional,
    WorkerObservation,
    Anonymous,
}

/// <summary>How far the teller is from what they tell (OUT-03). Second- and third-hand items are never discounted for it.</summary>
public enum Hand
{
    FirstHand,
    SecondHand,
    ThirdHand,
}

/// <summary>The 3x5x2 source evaluation (UK police intelligence grading; OUT-03 leaves the scheme open): 1, 2 or 3.</summary>
public enum SourceEvaluation
{
    Reliable,
    Untested,
    NotReliable,
}

/// <summary>The 3x5x2 intelligence assessment, A to E.</summary>
public enum IntelligenceAssessment
{
    KnownDirectly,
    KnownIndirectlyCorroborated,
    KnownIndirectly,
    NotKnown,
    SuspectedFalse,
}

/// <summary>The 3x5x2 handling code: P (lawful sharing permitted) or C (conditions apply).</summary>
public enum HandlingCode
{
    LawfulSharingPermitted,
    ConditionsApply,
}

/// <summary>What an item names (INT-01): the things Referrals links children through (REF-13).</summary>
public enum MentionKind
{
    Person,
    Nickname,
    Vehicle,
    Phone,
    Address,
    Place,
}

/// <summary>
/// What was done with an item (OUT-03, INT-06). The first four dispose of it; a police outcome (no further action
/// included) is history on the item and never closes it or hides it.
/// </summary>
public enum InformationEventKind
{
    SharedWithPolice,
    LinkedToPersonOfConcern,
    AddedToStrategyMeeting,
    NoAction,
    PoliceOutcome,
}

/// <summary>
/// Soft information, word for word (OUT-03, INT-01, INT-07): who gave it, how, how far removed, the worker's grading
/// and what it mentions. Never changed or deleted (append-only, REC-01): what happens to it is
/// <see cref="InformationItemEvent"/> history beside it. It must be disposed of within 5 working days of being
/// recorded (<see cref="DispositionDueAt"/>); managers see those that are not.
/// </summary>
public sealed class InformationItem
{
    public const int DispositionWorkingDays = 5;

    private InformationItem() { }

    public Guid Id { get; private init; }
    public Guid? YoungPersonId { get; private init; }
    public Guid? AliasId { get; private init; }
    public Guid? ContactId { get; private init; }
    public Guid? LocationId { get; private init; }
    /// <summary>The exact words, as told.</summary>
    public string Words { get; private init; } = "";
    public InformationSourceKind SourceKind { get; private init; }
    /// <summary>Who reported it, as the worker describes them ("her friend at school", "anonymous caller").</summary>
    public string ReportedBy { get; private init; } = "";
    public Hand Hand { get; private init; }
    public DateTimeOffset ReceivedAt { get; private init; }
    public SourceEvaluation? SourceEvaluation { get; private init; }
    public IntelligenceAssessment? IntelligenceAssessment { get; private init; }
    public HandlingCode? Handling { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset DispositionDueAt { get; private init; }
    public string? IdempotencyKey { get; private init; }
    public List<InformationMention> Mentions { get; private init; } = [];

    public static InformationItem Record(InformationDraft draft, Author author, string? idempotencyKey)
    {
        var id = Guid.CreateVersion7(author.At);
        return new InformationItem
        {
            Id = id,
            YoungPersonId = draft.YoungPersonId,
            AliasId = draft.AliasId,
            ContactId = draft.ContactId,
            LocationId = draft.LocationId,
            Words = draft.Words,
            SourceKind = draft.SourceKind,
            ReportedBy = draft.ReportedBy,
            Hand = draft.Hand,
            ReceivedAt = draft.ReceivedAt,
            SourceEvaluation = draft.SourceEvaluation,
            IntelligenceAssessment = draft.IntelligenceAssessment,
            Handling = draft.Handling,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            // OUT-03: 5 working days (England and Wales) from when the service was told.
            DispositionDueAt = Support.ServiceDefaults.Time.WorkingDays.Add(author.At, DispositionWorkingDays),
            IdempotencyKey = idempotencyKey,
            Mentions = [.. draft.Mentions.Select((m, i) => new InformationMention(Guid.CreateVersion7(author.At), id, i, m.Kind, m.Value, m.Normalised, m.DescribedGender, m.DescribedEthnicity))],
        };
    }
}

/// <summary>A mention; a person's may carry their gender and ethnicity as the source described them (OUT-10), never assumed.</summary>
public sealed record MentionDraft(MentionKind Kind, string Value, string Normalised, string? DescribedGender = null, string? DescribedEthnicity = null)
{
    /// <summary>The kinds that name a person, and so may be described (OUT-10): a vehicle or a phone has no gender.</summary>
    public static bool Describable(MentionKind kind) => kind is MentionKind.Person or MentionKind.Nickname;
}

public sealed record InformationDraft(
    Guid? YoungPersonId,
    Guid? AliasId,
    Guid? ContactId,
    Guid? LocationId,
    string Words,
    InformationSourceKind SourceKind,
    string ReportedBy,
    Hand Hand,
    DateTimeOffset ReceivedAt,
    SourceEvaluation? SourceEvaluation,
    IntelligenceAssessment? IntelligenceAssessment,
    HandlingCode? Handling,
    IReadOnlyList<MentionDraft> Mentions);

/// <summary>A person, nickname, vehicle, phone, address or place an item names, with a normalised form for matching (INT-02).</summary>
public sealed class InformationMention(
    Guid id, Guid itemId, int position, MentionKind kind, string value, string normalised, string? describedGender = null, string? describedEthnicity = null)
{
    public Guid Id { get; private init; } = id;
    public Guid ItemId { get; private init; } = itemId;
    public int Position { get; private init; } = position;
    public MentionKind Kind { get; private init; } = kind;
    public string Value { get; private init; } = value;
    public string Normalised { get; private init; } = normalised;
    /// <summary>OUT-10: a person of concern's gender as described by the source ("a man in his 30s"), never inferred.</summary>
    public string? DescribedGender { get; private init; } = describedGender;
    /// <summary>OUT-10: their ethnicity as described by the source, never inferred.</summary>
    public string? DescribedEthnicity { get; private init; } = describedEthnicity;
}

/// <summary>An entry in an item's history: a disposition, or a police outcome that never closes it (INT-06).</summary>
public sealed class InformationItemEvent
{
    private InformationItemEvent() { }

    public Guid Id { get; private init; }
    public Guid ItemId { get; private init; }
    public InformationEventKind Kind { get; private init; }
    public string? Reason { get; private init; }
    /// <summary>A police reference, a strategy meeting id, a person-of-concern reference.</summary>
    public string? Reference { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public bool Disposes => Kind is not InformationEventKind.PoliceOutcome;

    public static InformationItemEvent Record(InformationItem item, InformationEventKind kind, string? reason, string? reference, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ItemId = item.Id,
        Kind = kind,
        Reason = reason,
        Reference = reference,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
