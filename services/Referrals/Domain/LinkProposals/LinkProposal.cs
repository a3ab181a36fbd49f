using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.LinkProposals;

/// <summary>
/// A link to a person, nickname, vehicle, phone or address proposed from the street or the support line (INT-01,
/// INT-02, SL-04), waiting for a person here to confirm or reject it. There is one register of links
/// (<see cref="YoungPersonLink"/>, REF-13); a proposal becomes one only when confirmed. Append-only: the decision is a
/// separate row (<see cref="LinkProposalDecision"/>), one per proposal.
/// </summary>
public sealed class LinkProposal
{
    public const string FromOutreach = "outreach";
    public const string FromSupportLine = "supportline";

    private LinkProposal() { }

    /// <summary>The proposing service's id for it (an outreach mention, a support-line report), so a re-send is one proposal.</summary>
    public Guid Id { get; private init; }
    /// <summary>Null when a texter reported a number before the conversation was linked to a young person: the confirmer names one.</summary>
    public Guid? YoungPersonId { get; private init; }
    public LinkKind Kind { get; private init; }
    /// <summary>Normalised as the register normalises (<see cref="LinkValues"/>); never logged.</summary>
    public string Value { get; private init; } = "";
    /// <summary>As the worker or texter wrote it.</summary>
    public string Written { get; private init; } = "";
    /// <summary>What the reporter said about the person (support line), if anything.</summary>
    public string? Description { get; private init; }
    public string Source { get; private init; } = "";
    public Guid? SourceReference { get; private init; }
    public DateTimeOffset ProposedAt { get; private init; }
    public string ProposedBy { get; private init; } = "";
    public string ProposedByRole { get; private init; } = "";
    public DateTimeOffset ReceivedAt { get; private init; }

    public static LinkProposal Receive(
        Guid id, Guid? youngPersonId, LinkKind kind, string written, string? description, string source, Guid? sourceReference,
        DateTimeOffset proposedAt, string proposedBy, string proposedByRole, DateTimeOffset receivedAt) => new()
    {
        Id = id,
        YoungPersonId = youngPersonId,
        Kind = kind,
        Value = LinkValues.Normalise(kind, written),
        Written = written,
        Description = description,
        Source = source,
        SourceReference = sourceReference,
        ProposedAt = proposedAt,
        ProposedBy = proposedBy,
        ProposedByRole = proposedByRole,
        ReceivedAt = receivedAt,
    };
}

/// <summary>What licence a confirmed link involves (INT-05): any of them means licensing must be told.</summary>
public enum Licensing
{
    LicensedDriver,
    LicensedOperator,
    LicensedPremises,
}

/// <summary>A person's decision on a <see cref="LinkProposal"/>: confirmed (the link is recorded) or rejected with a reason.</summary>
public sealed class LinkProposalDecision
{
    private LinkProposalDecision() { }

    public Guid ProposalId { get; private init; }
    public bool Confirmed { get; private init; }
    /// <summary>The young person linked (the proposal's, or the one the confirmer named).</summary>
    public Guid? YoungPersonId { get; private init; }
    public string? Reason { get; private init; }
    public Licensing? Licensing { get; private init; }
    public DateTimeOffset DecidedAt { get; private init; }
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";

    public static LinkProposalDecision Confirm(LinkProposal proposal, Guid youngPersonId, Licensing? licensing, Author author) => new()
    {
        ProposalId = proposal.Id,
        Confirmed = true,
        YoungPersonId = youngPersonId,
        Licensing = licensing,
        DecidedAt = author.At,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
    };

    public static LinkProposalDecision Reject(LinkProposal proposal, string reason, Author author) => new()
    {
        ProposalId = proposal.Id,
        Confirmed = false,
        YoungPersonId = proposal.YoungPersonId,
        Reason = reason,
        DecidedAt = author.At,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
    };
}

/// <summary>
/// INT-05: a task in the police-liaison inbox to tell the licensing authority about a driver, operator or premises.
/// Append-only; <see cref="LicensingNotificationSent"/> records what was sent, to whom and when.
/// </summary>
public sealed class LicensingNotification
{
    private LicensingNotification() { }

    public Guid Id { get; private init; }
    public Guid ProposalId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public LinkKind Kind { get; private init; }
    public string Value { get; private init; } = "";
    public Licensing Licensing { get; private init; }
    public Guid? NetworkId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";

    public static LicensingNotification For(LinkProposal proposal, Guid youngPersonId, Licensing licensing, Guid? networkId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ProposalId = proposal.Id,
        YoungPersonId = youngPersonId,
        Kind = proposal.Kind,
        Value = proposal.Value,
        Licensing = licensing,
        NetworkId = networkId,
        CreatedAt = author.At,
        CreatedBy = author.UserId,
    };
}

/// <summary>What was sent to licensing, to whom and when (INT-05); one per notification.</summary>
public sealed class LicensingNotificationSent
{
    private LicensingNotificationSent() { }

    public Guid NotificationId { get; private init; }
    public string SentTo { get; private init; } = "";
    public string Summary { get; private init; } = "";
    public DateTimeOffset SentAt { get; private init; }
    public string SentBy { get; private init; } = "";
    public string SentByRole { get; private init; } = "";

    public static LicensingNotificationSent Record(LicensingNotification notification, string sentTo, string summary, Author author) => new()
    {
        NotificationId = notification.Id,
        SentTo = sentTo,
        Summary = summary,
        SentAt = author.At,
        SentBy = author.UserId,
        SentByRole = author.Role,
    };
}
