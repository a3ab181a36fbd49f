using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Contacts;

public sealed record ContactLocation(Guid Id, string Name, LocationType Type);

public sealed record ContactResponse(
    Guid Id,
    Guid? YoungPersonId,
    Guid? AliasId,
    OutreachChannel Channel,
    LondonTime ContactedAt,
    ContactLocation? Location,
    string? Place,
    string Notes,
    RiskLevel? Concern,
    LondonTime RecordedAt,
    string RecordedBy,
    string RecordedByRole,
    bool RecordedLate,
    Guid? Corrects,
    string? CorrectionReason,
    IReadOnlyList<Guid> CorrectedBy,
    string Source)
{
    public static ContactResponse From(Contact c, Location? location, IReadOnlyList<Guid>? correctedBy = null) => new(
        c.Id, c.YoungPersonId, c.AliasId, c.Channel, LondonTime.Of(c.ContactedAt),
        location is null ? null : new ContactLocation(location.Id, location.Name, location.Type),
        c.Place, c.Notes, c.Concern, LondonTime.Of(c.RecordedAt), c.RecordedBy, c.RecordedByRole, c.RecordedLate,
        c.Corrects, c.CorrectionReason, correctedBy ?? [], c.Source);
}
