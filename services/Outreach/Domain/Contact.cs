using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Domain;

/// <summary>What a worker says happened, before the server signs it.</summary>
public sealed record ContactDraft(
    Guid? YoungPersonId,
    Guid? AliasId,
    OutreachChannel Channel,
    DateTimeOffset ContactedAt,
    Guid? LocationId,
    string? Place,
    string Notes,
    RiskLevel? Concern);

/// <summary>
/// A contact between an outreach worker and a young person (OUT-01), registered or known by an alias (OUT-02). The
/// table is append-only: a mistake is put right by a new contact that <see cref="Corrects"/> the old one, with a reason,
/// and both stay. <see cref="RecordedAt"/> and <see cref="RecordedBy"/> are the server's; <see cref="ContactedAt"/>
/// is the worker's. A contact recorded long after it happened is flagged late, never refused (COM-09).
/// </summary>
public sealed class Contact
{
    private Contact() { }

    public Guid Id { get; private init; }
    public Guid? YoungPersonId { get; private init; }
    public Guid? AliasId { get; private init; }
    public OutreachChannel Channel { get; private init; }
    public DateTimeOffset ContactedAt { get; private init; }
    public Guid? LocationId { get; private init; }
    /// <summary>A place typed as free text when it is not (yet) a location record (OUT-01).</summary>
    public string? Place { get; private init; }
    public string Notes { get; private init; } = "";
    public RiskLevel? Concern { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public bool RecordedLate { get; private init; }
    public Guid? Corrects { get; private init; }
    public string? CorrectionReason { get; private init; }
    /// <summary>"app" or the command that carried it ("sms").</summary>
    public string Source { get; private init; } = "";
    /// <summary>The client's Idempotency-Key (or a command's id), unique per recorder: a retry finds this contact.</summary>
    public string? IdempotencyKey { get; private init; }

    /// <summary>A contact more than a few minutes ahead of the server clock is a mistake (a phone's clock or a typo).</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Nothing before the service's records could begin; catches a mistyped year.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Field, string Message)> Check(ContactDraft draft, DateTimeOffset now)
    {
        if ((draft.YoungPersonId is null) == (draft.AliasId is null))
        {
            yield return ("youngPersonId", "Give exactly one of 'youngPersonId' and 'aliasId' (OUT-02).");
        }
        if (draft.ContactedAt > now + ClockSkewAllowance)
        {
            yield return ("contactedAt", "'contactedAt' is in the future.");
        }
        if (draft.ContactedAt < Earliest)
        {
            yield return ("contactedAt", "'contactedAt' is before 2000.");
        }
    }

    public static Contact Record(ContactDraft draft, Author author, TimeSpan lateAfter, string source, string? idempotencyKey,
        Contact? corrects = null, string? correctionReason = null)
    {
        if (Check(draft, author.At).FirstOrDefault() is { Field: not null } problem)
        {
            throw new ArgumentException(problem.Message, nameof(draft));
        }
        return new Contact
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = draft.YoungPersonId,
            AliasId = draft.AliasId,
            Channel = draft.Channel,
            ContactedAt = draft.ContactedAt.ToStoredPrecision(),
            LocationId = draft.LocationId,
            Place = draft.Place,
            Notes = draft.Notes,
            Concern = draft.Concern,
            RecordedAt = author.At.ToStoredPrecision(),
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            // OUT-01, COM-09: late is measured from when it happened to when the server received it.
            RecordedLate = author.At - draft.ContactedAt > lateAfter,
            Corrects = corrects?.Id,
            CorrectionReason = correctionReason,
            Source = source,
            IdempotencyKey = idempotencyKey,
        };
    }
}
