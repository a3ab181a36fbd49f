namespace Support.Referrals.Domain;

/// <summary>
/// Self-described where the young person wishes (OUT-10: the system does not assume who victims are; boys are
/// under-reported). <see cref="SelfDescribed"/> takes the young person's own words in <c>GenderDescription</c>.
/// </summary>
public enum Gender
{
    Female,
    Male,
    NonBinary,
    SelfDescribed,
    NotKnown,
    PreferNotToSay,
}
