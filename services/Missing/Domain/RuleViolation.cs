namespace Support.Missing.Domain;

/// <summary>A well-formed value that breaks a rule (endpoints answer 422 naming <see cref="Field"/>).</summary>
public sealed record RuleViolation(string Field, string Message);

public static class Clock
{
    /// <summary>
    /// How far ahead of the server's clock a reported time may be: a phone whose clock runs a little fast is not a
    /// reason to refuse a report, but a time hours ahead is a typing mistake.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsInTheFuture(DateTimeOffset instant, DateTimeOffset now) => instant > now + Tolerance;
}
