using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Contracts.Outreach;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Reports;

namespace Support.Outreach.Features.Contacts;

/// <summary>
/// The one way a contact is stored, whether it came from the app or from a text via the support line (OUT-01): the
/// idempotency key is looked up first and enforced by a unique index, so a retry (or a race between two retries)
/// returns the first contact; a contact about a registered young person (directly, or under an alias already matched
/// to them) announces <see cref="OutreachContactRecorded"/> through the outbox in the same transaction, which also
/// queues the young person's hotspot counts to be recounted (<see cref="HotspotCounting"/>, OUT-08).
/// </summary>
public static class ContactRecording
{
    public sealed record Outcome(Contact Contact, bool Replayed);

    public static Task<Contact?> FindByKeyAsync(OutreachDbContext db, string recordedBy, string key, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.RecordedBy == recordedBy && c.IdempotencyKey == key, cancellationToken);

    public static async Task<Outcome> RecordAsync(OutreachDbContext db, IOutbox outbox, Contact contact, CancellationToken cancellationToken)
    {
        db.Contacts.Add(contact);
        if (await RegisteredYoungPersonOfAsync(db, contact, cancellationToken) is { } youngPersonId)
        {
            outbox.Add(Announcement(contact, youngPersonId));
        }
        // OUT-08: the hotspot counts are recounted for this young person from the contact's own commit on.
        HotspotCounting.Queue(db, contact.YoungPersonId, contact.AliasId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(contact, Replayed: false);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && contact.IdempotencyKey is { } key)
        {
            // Two deliveries of the same request raced; the one that committed first is the contact.
            db.ChangeTracker.Clear();
            var first = await FindByKeyAsync(db, contact.RecordedBy, key, cancellationToken);
            return new Outcome(first ?? throw new InvalidOperationException("A unique key refused the contact but no contact holds its idempotency key.", e), Replayed: true);
        }
    }

    /// <summary>The registered young person a contact belongs to: its own, or the one its alias was matched to (OUT-02).</summary>
    public static async Task<Guid?> RegisteredYoungPersonOfAsync(OutreachDbContext db, Contact contact, CancellationToken cancellationToken) =>
        contact.YoungPersonId ?? await db.AliasMatches.AsNoTracking()
            .Where(m => m.AliasId == contact.AliasId).Select(m => (Guid?)m.YoungPersonId).SingleOrDefaultAsync(cancellationToken);

    public static OutreachContactRecorded Announcement(Contact contact, Guid youngPersonId) => new()
    {
        ContactId = contact.Id,
        YoungPersonId = youngPersonId,
        AliasId = contact.AliasId,
        Channel = contact.Channel,
        ContactedAt = contact.ContactedAt,
        Concern = contact.Concern,
        LocationId = contact.LocationId,
        RecordedBy = contact.RecordedBy,
        RecordedAt = contact.RecordedAt,
        RecordedLate = contact.RecordedLate,
        Corrects = contact.Corrects,
        OccurredAt = contact.RecordedAt,
    };

    /// <summary>Contacts with their location and the ids of the entries that correct each of them, oldest first.</summary>
    public static async Task<List<ContactResponse>> ResponsesAsync(OutreachDbContext db, IQueryable<Contact> contacts, CancellationToken cancellationToken)
    {
        var list = await contacts.AsNoTracking().OrderBy(c => c.ContactedAt).ThenBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var ids = list.Select(c => c.Id).ToList();
        var corrections = await db.Contacts.AsNoTracking().Where(c => c.Corrects != null && ids.Contains(c.Corrects.Value))
            .Select(c => new { c.Id, Corrects = c.Corrects!.Value }).ToListAsync(cancellationToken);
        var locationIds = list.Where(c => c.LocationId != null).Select(c => c.LocationId!.Value).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        return list.Select(c => ContactResponse.From(c,
            c.LocationId is { } locationId ? locations.GetValueOrDefault(locationId) : null,
            corrections.Where(x => x.Corrects == c.Id).Select(x => x.Id).ToList())).ToList();
    }

    /// <summary>
    /// The response to a contact this request has just stored: nothing can correct it yet, and its location was read by
    /// the checks, so it is built from what is in hand instead of three reads after the insert (OUT-01's 50 ms).
    /// </summary>
    public static ContactResponse NewResponse(Contact contact, Location? location) => ContactResponse.From(contact, location, []);

    public static async Task<ContactResponse> ResponseAsync(OutreachDbContext db, Contact contact, CancellationToken cancellationToken) =>
        (await ResponsesAsync(db, db.Contacts.Where(c => c.Id == contact.Id), cancellationToken)).Single();
}
