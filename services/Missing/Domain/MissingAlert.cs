using Support.ServiceDefaults.Auth;

namespace Support.Missing.Domain;

/// <summary>Who an alert is for (LC-04: "Police liaison and the duty manager are alerted").</summary>
public enum AlertRecipient
{
    PoliceLiaison,
    DutyManager,
}

public enum AlertReason
{
    /// <summary>LC-04, Casey-K18: a care leaver (18 to 25 included) was reported missing from leaving-care accommodation.</summary>
    CareLeaverMissing,
}

/// <summary>
/// An alert to a role's queue about an episode, raised with the episode in the same transaction so a report is never
/// without its alerts. Acknowledged once, by someone in the recipient's roles; never deleted.
/// </summary>
public sealed class MissingAlert
{
    private MissingAlert() { }

    public Guid Id { get; private init; }
    public Guid EpisodeId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public AlertRecipient Recipient { get; private init; }
    public AlertReason Reason { get; private init; }
    public DateTimeOffset RaisedAt { get; private init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgedByRole { get; private set; }

    /// <summary>The roles that see and acknowledge alerts for <paramref name="recipient"/>: the duty manager is a team or senior manager.</summary>
    public static IReadOnlyList<string> RolesFor(AlertRecipient recipient) => recipient switch
    {
        AlertRecipient.PoliceLiaison => [Roles.PoliceLiaison],
        AlertRecipient.DutyManager => [Roles.TeamManager, Roles.SeniorManager],
        _ => [],
    };

    public static IReadOnlyList<AlertRecipient> RecipientsOf(IEnumerable<string> roles) =>
        Enum.GetValues<AlertRecipient>().Where(r => RolesFor(r).Intersect(roles).Any()).ToList();

    /// <summary>LC-04: a care leaver reported missing alerts police liaison and the duty manager.</summary>
    public static IReadOnlyList<MissingAlert> ForCareLeaverMissing(MissingEpisode episode, DateTimeOffset now) =>
        [.. Enum.GetValues<AlertRecipient>().Select(recipient => new MissingAlert
        {
            Id = Guid.CreateVersion7(now),
            EpisodeId = episode.Id,
            YoungPersonId = episode.YoungPersonId,
            Recipient = recipient,
            Reason = AlertReason.CareLeaverMissing,
            RaisedAt = now.ToUniversalTime(),
        })];

    public void Acknowledge(Author author)
    {
        if (AcknowledgedAt is not null)
        {
            throw new DomainConflictException("This alert has already been acknowledged.");
        }
        (AcknowledgedAt, AcknowledgedBy, AcknowledgedByRole) = (author.At.ToUniversalTime(), author.UserId, author.Role);
    }
}
