using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.PoliceOutcomes;

/// <summary>What the police decided, as reported to social care; the referral and case are optional links.</summary>
public sealed record PoliceOutcomeFacts(
    PoliceOutcomeKind Outcome, DateOnly OutcomeOn, Guid? ReferralId, Guid? CaseId, string? CrimeReference, string? Note);

/// <summary>
/// What the rules need from the rest of the record: the young person's date of birth, and whose referral and whose case
/// the given ids name (null when there is no such referral or case).
/// </summary>
public sealed record PoliceOutcomeContext(DateOnly DateOfBirth, Guid? ReferralBelongsTo, Guid? CaseBelongsTo);

/// <summary>
/// A police outcome recorded on a young person's record (REF-09): information social care must take into account, never
/// a decision of social care's. Nothing in this type, or anywhere that records one, closes a referral or a case or
/// touches the risk level: closure needs a social-care risk assessment recorded after the outcome, then a manager's
/// rationale (see <c>PoliceOutcomeCaseOpenItems</c>).
/// Append-only (a database trigger refuses updates and deletes): a correction is a new record whose
/// <see cref="CorrectsId"/> points at the record it replaces, with a reason, and both stay readable (REC-01, REC-05).
/// </summary>
public sealed class PoliceOutcome
{
    public const int CrimeReferenceMaxLength = 50;
    public const int NoteMaxLength = 4000;
    public const int CorrectionReasonMaxLength = 1000;

    private PoliceOutcome() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid? ReferralId { get; private init; }
    public Guid? CaseId { get; private init; }
    public PoliceOutcomeKind Outcome { get; private init; }
    /// <summary>The UK date on which the police reached the outcome; not when social care heard of it.</summary>
    public DateOnly OutcomeOn { get; private init; }
    public string? CrimeReference { get; private init; }
    public string? Note { get; private init; }
    /// <summary>The record this one corrects; null for an original record.</summary>
    public Guid? CorrectsId { get; private init; }
    public string? CorrectionReason { get; private init; }
    /// <summary>Server time of recording (REC-01); what a later risk assessment is compared with for closure (REF-09).</summary>
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    /// <summary>The rules a police outcome must meet, each naming the field to fix (422).</summary>
    public static IEnumerable<RuleViolation> Check(Guid youngPersonId, PoliceOutcomeFacts facts, PoliceOutcomeContext context, DateTimeOffset now)
    {
        if (!Enum.IsDefined(facts.Outcome))
        {
            yield return new("outcome", $"'outcome' must be one of {string.Join(", ", Enum.GetNames<PoliceOutcomeKind>())}.");
        }
        // "Today" is the London date: an outcome reached this evening in the UK is not "tomorrow" in UTC terms.
        if (facts.OutcomeOn > London.DateOf(now))
        {
            yield return new("outcomeOn", "'outcomeOn' cannot be in the future.");
        }
        if (facts.OutcomeOn < context.DateOfBirth)
        {
            yield return new("outcomeOn", "'outcomeOn' cannot be before the young person's date of birth.");
        }
        if (facts.ReferralId is not null && context.ReferralBelongsTo != youngPersonId)
        {
            yield return new("referralId", context.ReferralBelongsTo is null
                ? "No referral with this id exists."
                : "The referral is about another young person.");
        }
        if (facts.CaseId is not null && context.CaseBelongsTo != youngPersonId)
        {
            yield return new("caseId", context.CaseBelongsTo is null
                ? "No case with this id exists."
                : "The case is another young person's.");
        }
        if (facts.CrimeReference?.Trim().Length > CrimeReferenceMaxLength)
        {
            yield return new("crimeReference", $"'crimeReference' must be at most {CrimeReferenceMaxLength} characters.");
        }
        if (facts.Note?.Length > NoteMaxLength)
        {
            yield return new("note", $"'note' must be at most {NoteMaxLength} characters.");
        }
    }

    /// <summary>Records an outcome signed by <paramref name="author"/> (token and server clock, never the request).</summary>
    public static PoliceOutcome Record(Guid youngPersonId, PoliceOutcomeFacts facts, PoliceOutcomeContext context, Author author)
    {
        EnsureValid(youngPersonId, facts, context, author);
        return Create(youngPersonId, facts, correctsId: null, reason: null, author);
    }

    /// <summary>
    /// A correction of this record: a new record pointing at this one, which stays as it was (REC-05). Only the latest
    /// record of a chain may be corrected; the caller checks that, and a unique index on the pointer settles a race.
    /// </summary>
    public PoliceOutcome Correct(PoliceOutcomeFacts facts, PoliceOutcomeContext context, string reason, Author author)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CorrectionReasonMaxLength)
        {
            throw new ArgumentException($"A correction needs a reason of at most {CorrectionReasonMaxLength} characters.", nameof(reason));
        }
        EnsureValid(YoungPersonId, facts, context, author);
        return Create(YoungPersonId, facts, Id, reason.Trim(), author);
    }

    private static void EnsureValid(Guid youngPersonId, PoliceOutcomeFacts facts, PoliceOutcomeContext context, Author author)
    {
        if (Check(youngPersonId, facts, context, author.At).FirstOrDefault() is { } violation)
        {
            throw new ArgumentException(violation.Message, nameof(facts));
        }
    }

    private static PoliceOutcome Create(Guid youngPersonId, PoliceOutcomeFacts facts, Guid? correctsId, string? reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        ReferralId = facts.ReferralId,
        CaseId = facts.CaseId,
        Outcome = facts.Outcome,
        OutcomeOn = facts.OutcomeOn,
        CrimeReference = string.IsNullOrWhiteSpace(facts.CrimeReference) ? null : facts.CrimeReference.Trim(),
        Note = string.IsNullOrWhiteSpace(facts.Note) ? null : facts.Note,
        CorrectsId = correctsId,
        CorrectionReason = reason,
        // PostgreSQL keeps microseconds: the response shows the instant exactly as stored and compared at closure.
        RecordedAt = author.At.ToStoredPrecision(),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
