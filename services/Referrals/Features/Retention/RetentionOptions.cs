namespace Support.Referrals.Features.Retention;

/// <summary>
/// The <c>RecordRetention</c> parameter (Part I): "case records of looked-after children kept until the 75th birthday;
/// others 25th birthday + 6 years". Configuration, not code (REC-04: "Retention follows a policy that is configured").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int LookedAfterUntilAge { get; set; } = 75;
    public int OtherUntilAge { get; set; } = 25;
    public int OtherYearsAfter { get; set; } = 6;
    /// <summary>How often the job looks for records whose retention has ended.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromHours(6);

    // Never shorter than the brief's own figures would allow a council to lower by mistake into childhood.
    public bool IsValid() =>
        LookedAfterUntilAge is >= 25 and <= 120 && OtherUntilAge is >= 18 and <= 120 && OtherYearsAfter is >= 0 and <= 50
        && PassInterval >= TimeSpan.FromMinutes(1) && PassInterval <= TimeSpan.FromDays(1);

    /// <summary>The youngest age at which any rule can end retention: who is old enough to look at.</summary>
    public int YoungestEndingAge => Math.Min(LookedAfterUntilAge, OtherUntilAge + OtherYearsAfter);
}
