using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Registry;

namespace Support.LeavingCare.Features.DisclosurePacks;

/// <summary>
/// Leaving Care's part of a disclosure pack (REC-10): every keeping-in-touch contact, pathway-plan review, refusal
/// recorded as unmet need, accommodation check and decision, missing follow-up and closure, word for word. What the
/// young person said at a contact (their wishes for the handover, LC-01) and their views on a closure are also items
/// of their own words (issue 16 item 4). The support-line views this service keeps a copy of come from the support line.
/// </summary>
public sealed class RecordsForDisclosure(LeavingCareDbContext db) : IDisclosureContributor
{
    public async Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken)
    {
        var records = new List<DisclosedRecord>();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.YoungPersonId == youngPersonId)
            .OrderBy(c => c.OccurredAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            records.Add(Disclosed.Record($"contact:{contact.Id}", DisclosedSections.ServiceRecords, contact.OccurredAt,
                contact.RecordedBy, contact.RecordedByRole, contact.RecordedAt,
                ("record", "Keeping-in-touch contact"), ("outcome", contact.Outcome.ToString()), ("method", contact.Method),
                ("concern", contact.Concern)));
            if (!string.IsNullOrWhiteSpace(contact.YoungPersonsWords))
            {
                records.Add(Disclosed.Record($"contact-words:{contact.Id}", DisclosedSections.OwnWords, contact.OccurredAt,
                    contact.RecordedBy, contact.RecordedByRole, contact.RecordedAt,
                    ("source", "Leaving care"), ("inOwnWords", contact.YoungPersonsWords)));
            }
        }

        var reviews = await db.PathwayPlanReviews.AsNoTracking().Where(r => r.YoungPersonId == youngPersonId)
            .OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        records.AddRange(reviews.Select(r => Disclosed.Record($"pathway-plan-review:{r.Id}", DisclosedSections.ServiceRecords, r.RecordedAt,
            r.RecordedBy, r.RecordedByRole, r.RecordedAt,
            ("record", "Pathway plan reviewed"), ("reviewedOn", r.ReviewedOn.ToString("yyyy-MM-dd")))));

        var needs = await db.UnmetNeeds.AsNoTracking().Where(n => n.YoungPersonId == youngPersonId)
            .OrderBy(n => n.RefusedOn).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        records.AddRange(needs.Select(n => Disclosed.Record($"unmet-need:{n.Id}", DisclosedSections.ServiceRecords, n.RecordedAt,
            n.RecordedBy, n.RecordedByRole, n.RecordedAt,
            ("record", "Refusal recorded as unmet need"), ("need", n.NeedCategory), ("reason", n.Reason.ToString()), ("refusedBy", n.RefusedBy),
            ("refusedOn", n.RefusedOn.ToString("yyyy-MM-dd")), ("details", n.Details))));

        var checks = await db.AccommodationChecks.AsNoTracking().Where(c => c.YoungPersonId == youngPersonId)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var checkIds = checks.Select(c => c.Id).ToList();
        var decisions = (await db.AccommodationDecisions.AsNoTracking().Where(d => checkIds.Contains(d.CheckId))
            .ToListAsync(cancellationToken)).ToLookup(d => d.CheckId);
        foreach (var check in checks)
        {
            records.Add(Disclosed.Record($"accommodation-check:{check.Id}", DisclosedSections.ServiceRecords, check.RecordedAt,
                check.RecordedBy, check.RecordedByRole, check.RecordedAt,
                ("record", "Accommodation check"), ("address", check.Address), ("postcode", check.Postcode), ("placementType", check.PlacementType),
                ("flaggedMatches", string.Join("; ", check.Matches))));
            records.AddRange(decisions[check.Id].OrderBy(d => d.DecidedAt).Select(d => Disclosed.Record($"accommodation-decision:{d.Id}",
                DisclosedSections.ServiceRecords, d.DecidedAt, d.DecidedBy, d.DecidedByRole, d.DecidedAt,
                ("record", "Accommodation decision"), ("check", $"accommodation-check:{check.Id}"), ("approved", d.Approved ? "Yes" : "No"),
                ("rationale", d.Rationale))));
        }

        var tasks = await db.Set<FollowUpTask>().AsNoTracking().Where(t => t.YoungPersonId == youngPersonId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        records.AddRange(tasks.Select(t => Disclosed.Record($"follow-up:{t.Id}", DisclosedSections.ServiceRecords, t.CompletedAt ?? t.CreatedAt,
            t.CompletedBy, null, t.CompletedAt,
            ("record", "Missing follow-up"), ("step", t.Step.ToString()), ("assignedTo", t.AssignedTo), ("completionNote", t.CompletionNote))));

        var closures = await db.Set<CareLeaverClosure>().AsNoTracking().Where(c => c.YoungPersonId == youngPersonId)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var closure in closures)
        {
            records.Add(Disclosed.Record($"closure:{closure.Id}", DisclosedSections.ServiceRecords, closure.RecordedAt,
                closure.RecordedBy, closure.RecordedByRole, closure.RecordedAt,
                ("record", "Leaving-care support closed"), ("reason", closure.Reason.ToString()), ("rationale", closure.Rationale)));
            records.Add(Disclosed.Record($"closure-views:{closure.Id}", DisclosedSections.OwnWords, closure.RecordedAt,
                closure.RecordedBy, closure.RecordedByRole, closure.RecordedAt,
                ("source", "Leaving care, on closing support"), ("inOwnWords", closure.YoungPersonsViews)));
        }
        return records;
    }
}
