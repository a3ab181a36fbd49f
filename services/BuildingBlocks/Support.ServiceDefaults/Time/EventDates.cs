namespace Support.ServiceDefaults.Time;

/// <summary>
/// Issue 15 item 6: the dates of events about a young person are checked the same way in every service that keeps the
/// registry projection, and in Referrals, which keeps the registry itself. Nothing happens to a young person before their date of birth (compared as London dates), and
/// nothing is recorded as having happened in the future: a phone clock a few minutes fast is tolerated, anything
/// further ahead is a typing mistake. Each check names the request's field for the 422.
/// </summary>
public static class EventDates
{
    /// <summary>How far ahead of the server's clock an instant may be before it counts as the future.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Why <paramref name="at"/> cannot be the time of an event about someone born on <paramref name="dateOfBirth"/>, or null.</summary>
    public static string? Problem(string field, DateTimeOffset at, DateOnly? dateOfBirth, DateTimeOffset now) =>
        at > now + FutureTolerance ? $"'{field}' cannot be in the future."
        : dateOfBirth is { } born && London.DateOf(at) < born ? $"'{field}' cannot be before the young person's date of birth."
        : null;

    /// <summary>The same check for a date (a review on, a refusal on): not after today in London, not before the birth.</summary>
    public static string? Problem(string field, DateOnly on, DateOnly? dateOfBirth, DateTimeOffset now) =>
        on > London.DateOf(now) ? $"'{field}' cannot be in the future."
        : dateOfBirth is { } born && on < born ? $"'{field}' cannot be before the young person's date of birth."
        : null;
}
