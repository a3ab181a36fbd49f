namespace Support.Contracts.Outreach;

/// <summary>How an outreach contact happened (OUT-01). Travels as its name.</summary>
public enum OutreachChannel
{
    Street,
    Sms,
    Phone,
    App,
    DropIn,
    School,
    HomeVisit,
}
