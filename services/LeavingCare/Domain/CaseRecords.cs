using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Domain;

public enum ContactOutcome
{
    /// <summary>The adviser spoke to or saw the young person.</summary>
    Contacted,
    /// <summary>The adviser tried and nobody knows where the young person is (LC-04).</summary>
    WhereaboutsUnknown,
}

/// <summary>A keeping-in-touch contact or attempt (LC-03, LC-04). Append-only.</summary>
public sealed class Contact
{
    private Contact() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>When the contact happened (event time, from the adviser).</summary>
    public DateTimeOffset OccurredAt { get; private init; }
    public ContactOutcome Outcome { get; private init; }
    public string Method { get; private init; } = "";
    /// <summary>The young person's own words, where recorded (they go into the handover pack, LC-01).</summary>
    public string? YoungPersonsWords { get; private init; }
    /// <summary>The ReportWhereaboutsUnknown command sent for this contact, if any (LC-04).</summary>
    public Guid? WhereaboutsCommandId { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>The adviser's own words on why they are worried (carried to Missing with whereabouts unknown).</summary>
    public string? Concern { get; private init; }

    public static Contact Record(Guid youngPersonId, DateTimeOffset occurredAt, ContactOutcome outcome, string method, string? words, Author author, string? concern = null) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        OccurredAt = occurredAt,
        Outcome = outcome,
        Method = method,
        YoungPersonsWords = words,
        Concern = concern,
        WhereaboutsCommandId = outcome == ContactOutcome.WhereaboutsUnknown ? Guid.CreateVersion7(author.At) : null,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };

    /// <summary>What they said at the contact, for their record in Referrals (issue 16 item 4); null when nothing was written down.</summary>
    public YoungPersonsWordsRecorded? WordsRecorded() => string.IsNullOrWhiteSpace(YoungPersonsWords) ? null : new YoungPersonsWordsRecorded
    {
        WordsId = Id, YoungPersonId = YoungPersonId, Service = LeavingCareApi.ServiceName, Source = "Keeping-in-touch contact",
        Words = YoungPersonsWords.Trim(), SaidAt = OccurredAt, RecordedBy = RecordedBy, RecordedByRole = RecordedByRole, OccurredAt = RecordedAt,
    };
}

/// <summary>A pathway plan written or reviewed (LC-03). Append-only; the next review is due 6 months after the latest.</summary>
public sealed class PathwayPlanReview
{
    private PathwayPlanReview() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateOnly ReviewedOn { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static PathwayPlanReview Record(Guid youngPersonId, DateOnly reviewedOn, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        ReviewedOn = reviewedOn,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };
}

/// <summary>A refusal by adult services (or another service), recorded as unmet need with its reason (LC-06, COM-05). Append-only.</summary>
public sealed class UnmetNeed
{
    private UnmetNeed() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string NeedCategory { get; private init; } = "";
    public UnmetNeedReason Reason { get; private init; }
    /// <summary>The service that refused, such as <c>AdultSocialCare</c>.</summary>
    public string RefusedBy { get; private init; } = "";
    public string Details { get; private init; } = "";
    public DateOnly RefusedOn { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static UnmetNeed Record(Guid youngPersonId, string needCategory, UnmetNeedReason reason, string refusedBy, string details, DateOnly refusedOn, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        NeedCategory = needCategory,
        Reason = reason,
        RefusedBy = refusedBy,
        Details = details,
        RefusedOn = refusedOn,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };
}

/// <summary>
/// COM-05: an unmet need recorded here was met after all (adult services accepted on appeal, a service became
/// available). A row of its own beside the need, never an edit of it; the need keeps its refusal and gains the date it
/// was met and how, so the platform's ledger stops counting its time unmet.
/// </summary>
public sealed class UnmetNeedMet
{
    private UnmetNeedMet() { }

    public Guid UnmetNeedId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateOnly MetOn { get; private init; }
    /// <summary>How it was met, in the worker's words (who now provides it).</summary>
    public string How { get; private init; } = "";
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static UnmetNeedMet Record(UnmetNeed need, DateOnly metOn, string how, Author author) => new()
    {
        UnmetNeedId = need.Id, YoungPersonId = need.YoungPersonId, MetOn = metOn, How = how, RecordedBy = author.UserId,
        RecordedByRole = author.Role, RecordedAt = author.At,
    };
}