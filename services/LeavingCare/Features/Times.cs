using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Features;

/// <summary>An instant as stored (UTC) and as read in the UK (Europe/London, with the offset of that moment).</summary>
public sealed record UkInstant(DateTimeOffset Utc, DateTimeOffset Local)
{
    public static UkInstant From(DateTimeOffset instant) => new(instant.ToUniversalTime(), UkTime.ToLocal(instant));

    public static UkInstant? From(DateTimeOffset? instant) => instant is { } value ? From(value) : null;
}
