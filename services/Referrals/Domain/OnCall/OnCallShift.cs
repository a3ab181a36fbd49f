using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.OnCall;

/// <summary>
/// A manager on call for a period (REF-28): out-of-hours breaches of protective deadlines are routed to them.
/// Append-only: a change of rota is a new shift, and where shifts overlap the one recorded last is the one on call.
/// </summary>
public sealed class OnCallShift
{
    /// <summary>A week is the longest shift a rota hands out; anything longer is a typing error.</summary>
    public static readonly TimeSpan LongestShift = TimeSpan.FromDays(7);

    private OnCallShift() { }

    public Guid Id { get; private init; }
    /// <summary>The on-call manager's user id, as in their token.</summary>
    public string ManagerId { get; private init; } = "";
    public DateTimeOffset StartsAt { get; private init; }
    public DateTimeOffset EndsAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public bool Covers(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;

    public static OnCallShift Record(string managerId, DateTimeOffset startsAt, DateTimeOffset endsAt, Author author)
    {
        if (endsAt <= startsAt || endsAt - startsAt > LongestShift)
        {
            throw new ArgumentException("A shift ends after it starts and lasts at most a week.", nameof(endsAt));
        }
        return new OnCallShift
        {
            Id = Guid.CreateVersion7(author.At),
            ManagerId = managerId.Trim(),
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = endsAt.ToUniversalTime(),
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
        };
    }
}
