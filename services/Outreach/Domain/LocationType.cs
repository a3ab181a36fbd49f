namespace Support.Outreach.Domain;

/// <summary>The kinds of place where street grooming happened (OUT-08, Casey L971). Stored and sent by name.</summary>
public enum LocationType
{
    Park,
    Takeaway,
    TaxiOrOperator,
    TransportInterchange,
    HotelOrBnB,
    HouseOpenHouse,
    Alleyway,
    TownCentre,
    SchoolGate,
    ResidentialHome,
    ShoppingCentre,
    OutOfArea,
}
