namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-18 parameter (configuration section <c>Supervision</c>): an open CSE case with no supervision entry for this many
/// weeks is flagged. The brief's inferred default is 4 weeks.
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    public int GapWeeks { get; set; } = 4;

    public bool IsValid() => GapWeeks is >= 1 and <= 52;
}
