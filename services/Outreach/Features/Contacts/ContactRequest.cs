using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Contacts;

/// <summary>
/// A contact as the app sends it. <c>contactedAt</c> is an instant with an offset, or London wall-clock time; the
/// place is a location id, or free text when it is not a location yet; enums by name.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ContactRequest(
    Guid? YoungPersonId,
    Guid? AliasId,
    string? Channel,
    string? ContactedAt,
    Guid? LocationId,
    string? Place,
    string? Notes,
    string? Concern,
    string? CorrectionReason = null)
{
    public const int MaxNotes = 4000;

    /// <summary>The shape checks (400): each field, by name.</summary>
    public ContactDraft? Read(ValidationErrors errors)
    {
        var channel = errors.Named<OutreachChannel>("channel", Channel, required: true);
        var contactedAt = errors.Instant("contactedAt", ContactedAt, required: true);
        var concern = errors.Named<RiskLevel>("concern", Concern);
        errors.Text("notes", Notes, MaxNotes, required: true, multiline: true)
            .Text("place", Place, 200)
            .When(YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is not a valid id.")
            .When(AliasId == Guid.Empty, "aliasId", "'aliasId' is not a valid id.")
            .When(LocationId == Guid.Empty, "locationId", "'locationId' is not a valid id.")
            .When(LocationId is not null && !string.IsNullOrWhiteSpace(Place), "place", "Give a 'locationId' or a 'place', not both.");
        return errors.Any
            ? null
            : new ContactDraft(YoungPersonId, AliasId, channel!.Value, contactedAt!.Value, LocationId, Input.Clean(Place), Notes!.Trim(), concern);
    }

    /// <summary>
    /// The rule checks (422): the young person, alias and location exist, and the time is plausible. Returns the
    /// location it read, so the response to a new contact needs no second read of it.
    /// </summary>
    public static async Task<Location?> CheckAsync(ContactDraft draft, DateTimeOffset now, OutreachDbContext db, ValidationErrors errors, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in Contact.Check(draft, now))
        {
            errors.Add(field, message);
        }
        if (draft.YoungPersonId is { } youngPersonId && !await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is known to the Outreach service; register them in Referrals, or record an alias (OUT-02).");
        }
        if (draft.AliasId is { } aliasId && !await db.Aliases.AnyAsync(a => a.Id == aliasId, cancellationToken))
        {
            errors.Add("aliasId", "No alias with this id.");
        }
        var location = draft.LocationId is { } locationId
            ? await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == locationId, cancellationToken)
            : null;
        if (draft.LocationId is not null && location is null)
        {
            errors.Add("locationId", "No location with this id.");
        }
        return location;
    }
}
