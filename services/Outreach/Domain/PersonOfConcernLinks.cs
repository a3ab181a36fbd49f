using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>
/// A mention (person, nickname, vehicle, phone, address) proposed to Referrals as a link for a young person (INT-01,
/// INT-02): Outreach keeps no register of its own. Sent when the item is recorded about a registered young person, or
/// when its alias is matched to one. Append-only; the mention's id is the proposal id.
/// </summary>
public sealed class MentionLinkProposal
{
    /// <summary>The kinds Referrals links young people through (REF-13); a <c>Place</c> is a location, not a link.</summary>
    public static readonly IReadOnlySet<MentionKind> Linkable =
        new HashSet<MentionKind> { MentionKind.Person, MentionKind.Nickname, MentionKind.Vehicle, MentionKind.Phone, MentionKind.Address };

    private MentionLinkProposal() { }

    public Guid MentionId { get; private init; }
    public Guid ItemId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateTimeOffset ProposedAt { get; private init; }

    /// <summary>The proposal and its command, to be saved together (the command goes through the outbox).</summary>
    public static (MentionLinkProposal Proposal, ProposePersonOfConcernLink Command) Propose(
        InformationItem item, InformationMention mention, Guid youngPersonId, Author author) =>
    (
        new MentionLinkProposal { MentionId = mention.Id, ItemId = item.Id, YoungPersonId = youngPersonId, ProposedAt = author.At },
        new ProposePersonOfConcernLink
        {
            ProposalId = mention.Id,
            YoungPersonId = youngPersonId,
            LinkKind = mention.Kind.ToString(),
            Value = mention.Value,
            Source = "outreach",
            SourceReference = item.Id,
            ProposedBy = author.UserId,
            ProposedByRole = author.Role,
            OccurredAt = author.At,
        }
    );
}

/// <summary>What Referrals decided about a proposed link (INT-02), as it told us; one per proposal, append-only.</summary>
public sealed class MentionLinkOutcome
{
    private MentionLinkOutcome() { }

    public Guid MentionId { get; private init; }
    public bool Confirmed { get; private init; }
    public string? Reason { get; private init; }
    /// <summary>How many young people share the confirmed link, this one included: 2 or more is a network (REF-13).</summary>
    public int LinkedYoungPeople { get; private init; }
    public Guid? OrganisedAbuseNetworkId { get; private init; }
    public Guid? LicensingNotificationId { get; private init; }
    public DateTimeOffset DecidedAt { get; private init; }
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";
    public DateTimeOffset ReceivedAt { get; private init; }

    public static MentionLinkOutcome From(PersonOfConcernLinkDecided m, DateTimeOffset receivedAt) => new()
    {
        MentionId = m.ProposalId,
        Confirmed = m.Confirmed,
        Reason = m.Reason is { Length: > 2000 } r ? r[..2000] : m.Reason,
        LinkedYoungPeople = m.LinkedYoungPeople,
        OrganisedAbuseNetworkId = m.OrganisedAbuseNetworkId,
        LicensingNotificationId = m.LicensingNotificationId,
        DecidedAt = m.OccurredAt,
        DecidedBy = m.DecidedBy.Length > 200 ? m.DecidedBy[..200] : m.DecidedBy,
        DecidedByRole = m.DecidedByRole.Length > 100 ? m.DecidedByRole[..100] : m.DecidedByRole,
        ReceivedAt = receivedAt,
    };
}
