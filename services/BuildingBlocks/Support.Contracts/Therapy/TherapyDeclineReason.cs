namespace Support.Contracts.Therapy;

/// <summary>Why a therapy or CAMHS referral was declined (THR-01). Travel as strings; add at the end, never rename.</summary>
public enum TherapyDeclineReason
{
    /// <summary>"Does not meet criteria": below the service's threshold.</summary>
    BelowThreshold,
    /// <summary>"Not mentally ill" (Imray §4.8).</summary>
    NotMentallyIll,
    /// <summary>The crisis put down to behaviour rather than to abuse.</summary>
    Behavioural,
    NoCapacity,
    OutOfArea,
    YoungPersonDeclined,
    Other,
}
