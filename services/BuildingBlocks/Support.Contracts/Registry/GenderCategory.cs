namespace Support.Contracts.Registry;

/// <summary>
/// The gender categories the registry records (OUT-10), as registry events carry them. Reports list every one, a zero
/// included, so that who is not being reached shows; a self-description stays in Referrals. The Referrals service's
/// own enum is checked against this one by a test.
/// </summary>
public enum GenderCategory
{
    Female,
    Male,
    NonBinary,
    SelfDescribed,
    NotKnown,
    PreferNotToSay,
}
