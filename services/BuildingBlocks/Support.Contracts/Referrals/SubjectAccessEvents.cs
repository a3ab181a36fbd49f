using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// Issue 16 item 4, REC-10: a young person or adult survivor asked for what is recorded about them. The answer is due
/// on <see cref="DueOn"/> (one calendar month from receipt, moved to the next working day; UK GDPR Art. 12(3)).
/// </summary>
[MessageUrn("support:referrals:subject-access-request-received:v1")]
public sealed record SubjectAccessRequestReceived
{
    public required Guid RequestId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>YoungPerson, AdultSurvivor or Representative.</summary>
    public required string Requester { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required DateOnly DueOn { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The answer to a subject-access request was extended by two months (a complex request); the reason stays in Referrals.</summary>
[MessageUrn("support:referrals:subject-access-request-extended:v1")]
public sealed record SubjectAccessRequestExtended
{
    public required Guid RequestId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateOnly DueOn { get; init; }
    public required string ExtendedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The young person was given the pack, redacted for third parties (REC-09); <see cref="Late"/> when after the due date.</summary>
[MessageUrn("support:referrals:subject-access-request-answered:v1")]
public sealed record SubjectAccessRequestAnswered
{
    public required Guid RequestId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required Guid PackId { get; init; }
    public required int Redactions { get; init; }
    public required bool Late { get; init; }
    public required string AnsweredBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
