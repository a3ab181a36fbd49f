using Support.Missing.Domain;

namespace Support.Missing.Features;

/// <summary>An instant as stored (UTC) and as read in the UK (Europe/London, with the offset of that moment).</summary>
public sealed record UkInstant(DateTimeOffset Utc, DateTimeOffset Local, string LocalZone)
{
    public static UkInstant From(DateTimeOffset instant) =>
        new(instant.ToUniversalTime(), UkTime.ToLocal(instant), UkTime.Abbreviation(instant));

    public static UkInstant? From(DateTimeOffset? instant) => instant is { } value ? From(value) : null;
}

/// <summary>Who recorded a step and when (server clock), and in which role (REC-01).</summary>
public sealed record Signature(DateTimeOffset At, string By, string Role);
