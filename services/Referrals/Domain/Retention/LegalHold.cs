using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Domain.Retention;

/// <summary>
/// A legal hold on a young person's records (REC-04, <c>RecordRetention</c>): while one stands, the retention job
/// removes nothing about them, whatever their age (litigation, an inquiry, a police investigation, a case review).
/// Placed and released with a reason, by whom and when; the row stays.
/// </summary>
[KeptAfterRetention("A hold is the reason records were kept; it outlives them")]
public sealed class LegalHold
{
    private LegalHold() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset PlacedAt { get; private init; }
    public string PlacedBy { get; private init; } = "";
    public string PlacedByRole { get; private init; } = "";
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public string? ReleaseReason { get; private set; }

    public bool IsActive => ReleasedAt is null;

    public static LegalHold Place(Guid youngPersonId, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Reason = reason.Trim(),
        PlacedAt = author.At,
        PlacedBy = author.UserId,
        PlacedByRole = author.Role,
    };

    /// <summary>Releases the hold; the first release stands (false for a second).</summary>
    public bool Release(string reason, Author author)
    {
        if (!IsActive)
        {
            return false;
        }
        ReleasedAt = author.At;
        ReleasedBy = author.UserId;
        ReleaseReason = reason.Trim();
        return true;
    }
}
