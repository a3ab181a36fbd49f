namespace Support.Referrals.Domain.OrganisedAbuse;

/// <summary>What a young person is linked to (REF-13): an alleged perpetrator, a nickname, a vehicle, a phone or an address.</summary>
public enum LinkKind
{
    Person,
    Nickname,
    Vehicle,
    Phone,
    Address,
}
