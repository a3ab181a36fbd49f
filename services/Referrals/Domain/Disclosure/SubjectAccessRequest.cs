using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.Disclosure;

public enum SubjectAccessRequester
{
    /// <summary>The young person themselves.</summary>
    YoungPerson,
    /// <summary>An adult asking about what was recorded when they were a child (Imray §4.1).</summary>
    AdultSurvivor,
    /// <summary>Someone acting for them with their authority (a solicitor, an advocate, a parent for a young child).</summary>
    Representative,
}

/// <summary>
/// Issue 16 item 4, REC-10: a young person's (or adult survivor's) request for what is recorded about them, with its
/// legal deadline computed, never typed: one calendar month from the London date of receipt (the same day number of
/// the next month, or its last day when it has none), moved to the next working day when it falls on a weekend or bank
/// holiday (UK GDPR Art. 12(3), the ICO's reading). It may be extended once, by two further months, with a reason,
/// while the first month is still running. It is answered by releasing a subject-access pack whose third parties were
/// reviewed for redaction (REC-09); an answer after the due date is recorded as late. Only the extension and the
/// answer change the row, each once, with who and when.
/// </summary>
public sealed class SubjectAccessRequest
{
    private SubjectAccessRequest() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public SubjectAccessRequester Requester { get; private init; }
    /// <summary>How it arrived: "letter to the council", "told their personal adviser", "text to the support line".</summary>
    public string HowReceived { get; private init; } = "";
    public DateOnly ReceivedOn { get; private init; }
    public DateOnly DueOn { get; private init; }
    public DateOnly? ExtendedDueOn { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? ExtendedBy { get; private set; }
    public DateTimeOffset? ExtendedAt { get; private set; }
    public Guid? AnsweredWithPackId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public bool? AnsweredLate { get; private set; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public DateOnly CurrentDueOn => ExtendedDueOn ?? DueOn;

    public bool IsOpen => AnsweredAt is null;

    /// <summary>Missed: still open after the end of its due day (London).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > CurrentDueOn;

    /// <summary>One calendar month after receipt, on the next working day if that is not one.</summary>
    public static DateOnly DueAfter(DateOnly receivedOn, int months)
    {
        var due = receivedOn.AddMonths(months);
        while (!WorkingDays.IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }
        return due;
    }

    public static SubjectAccessRequest Receive(Guid youngPersonId, SubjectAccessRequester requester, string howReceived, DateOnly receivedOn, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Requester = requester,
        HowReceived = howReceived,
        ReceivedOn = receivedOn,
        DueOn = DueAfter(receivedOn, 1),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };

    /// <summary>Why the deadline cannot be extended now, or null: once, before the answer, while the first month runs.</summary>
    public string? CannotExtend(DateOnly today) =>
        !IsOpen ? "The request is already answered."
        : ExtendedDueOn is not null ? "The deadline was already extended once."
        : today > DueOn ? "An extension must be decided within the first month; the request is already overdue."
        : null;

    public void Extend(string reason, Author author)
    {
        if (CannotExtend(London.DateOf(author.At)) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        ExtendedDueOn = DueAfter(ReceivedOn, 3);
        ExtensionReason = reason;
        ExtendedBy = author.UserId;
        ExtendedAt = author.At;
    }

    public void Answer(Guid packId, Author author)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The request is already answered.");
        }
        AnsweredWithPackId = packId;
        AnsweredAt = author.At;
        AnsweredBy = author.UserId;
        AnsweredLate = London.DateOf(author.At) > CurrentDueOn;
    }

    public SubjectAccessRequestReceived Received() => new()
    {
        RequestId = Id, YoungPersonId = YoungPersonId, Requester = Requester.ToString(), ReceivedOn = ReceivedOn, DueOn = DueOn,
        RecordedBy = RecordedBy, RecordedByRole = RecordedByRole, OccurredAt = RecordedAt,
    };
}
