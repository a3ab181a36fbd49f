namespace Support.Missing.Domain;

/// <summary>
/// MIS-02, Part I <c>ReturnHomeInterviewDeadline</c>: a return-home interview is due 72 hours of elapsed time after the
/// return, not working hours and not wall-clock hours, so a clock change in between moves the local hour it is shown
/// at but never the instant. An interview is overdue from the due instant itself: 72 hours after the return it is
/// late, one tick earlier it is not.
/// </summary>
public static class ReturnInterviewDeadline
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(72);

    public static DateTimeOffset DueAt(DateTimeOffset returnedAt, TimeSpan deadline) => returnedAt.ToUniversalTime() + deadline;

    public static bool IsOverdue(DateTimeOffset dueAt, DateTimeOffset now) => now >= dueAt;

    /// <summary>How long past due the interview is at <paramref name="now"/>; zero when it is not yet due.</summary>
    public static TimeSpan OverdueBy(DateTimeOffset dueAt, DateTimeOffset now) => IsOverdue(dueAt, now) ? now - dueAt : TimeSpan.Zero;
}
