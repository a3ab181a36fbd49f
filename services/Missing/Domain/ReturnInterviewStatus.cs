namespace Support.Missing.Domain;

/// <summary>
/// MIS-02: an interview ends only as <see cref="Completed"/>, <see cref="DeclinedByYoungPerson"/> or
/// <see cref="NotCompleted"/>; until then it is <see cref="Due"/> or <see cref="Offered"/> and counts towards overdue.
/// </summary>
public enum ReturnInterviewStatus
{
    Due,
    Offered,
    Completed,
    DeclinedByYoungPerson,
    NotCompleted,
}

public static class ReturnInterviewStatuses
{
    public static readonly IReadOnlyList<ReturnInterviewStatus> Open = [ReturnInterviewStatus.Due, ReturnInterviewStatus.Offered];

    public static bool IsFinished(this ReturnInterviewStatus status) => !Open.Contains(status);
}
