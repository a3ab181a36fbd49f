using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Outreach.Data;
using Support.Registry;

namespace Support.Outreach.Features.DisclosurePacks;

/// <summary>
/// Outreach's part of a disclosure pack (REC-10): every contact and every item of soft information about the young
/// person word for word, with what was done with each item (OUT-03), and every ending of a worker's involvement with
/// what the young person said. Records kept under an alias matched to them count as theirs (OUT-02).
/// </summary>
public sealed class RecordsForDisclosure(OutreachDbContext db) : IDisclosureContributor
{
    public async Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken)
    {
        var aliases = await db.AliasMatches.AsNoTracking().Where(m => m.YoungPersonId == youngPersonId).Select(m => m.AliasId).ToListAsync(cancellationToken);
        var records = new List<DisclosedRecord>();

        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.YoungPersonId == youngPersonId || (c.AliasId != null && aliases.Contains(c.AliasId.Value)))
            .OrderBy(c => c.ContactedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        records.AddRange(contacts.Select(c => Disclosed.Record($"contact:{c.Id}", DisclosedSections.ServiceRecords, c.ContactedAt,
            c.RecordedBy, c.RecordedByRole, c.RecordedAt,
            ("record", "Outreach contact"), ("channel", c.Channel.ToString()), ("place", c.Place), ("notes", c.Notes),
            ("concern", c.Concern?.ToString()), ("corrects", c.Corrects is { } corrected ? $"contact:{corrected}" : null),
            ("correctionReason", c.CorrectionReason))));

        var items = await db.InformationItems.AsNoTracking()
            .Where(i => i.YoungPersonId == youngPersonId || (i.AliasId != null && aliases.Contains(i.AliasId.Value)))
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var dispositions = (await db.InformationItemEvents.AsNoTracking().Where(e => itemIds.Contains(e.ItemId))
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken)).ToLookup(e => e.ItemId);
        records.AddRange(items.Select(i => Disclosed.Record($"information:{i.Id}", DisclosedSections.ServiceRecords, i.ReceivedAt,
            i.RecordedBy, i.RecordedByRole, i.RecordedAt,
            ("record", "Information item"), ("words", i.Words), ("source", i.SourceKind.ToString()), ("reportedBy", i.ReportedBy),
            ("hand", i.Hand.ToString()), ("grading", $"{i.SourceEvaluation}{i.IntelligenceAssessment}{i.Handling}"),
            ("dispositions", string.Join("; ", dispositions[i.Id].Select(d => string.Join(": ", new[] { d.Kind.ToString(), d.Reason, d.Reference }
                .Where(part => !string.IsNullOrWhiteSpace(part)))))))));

        var endings = await db.InvolvementEndings.AsNoTracking()
            .Join(db.Involvements.Where(i => i.YoungPersonId == youngPersonId), e => e.InvolvementId, i => i.Id, (e, i) => new { Ending = e, i.WorkerUserId })
            .OrderBy(x => x.Ending.EndedAt).ToListAsync(cancellationToken);
        records.AddRange(endings.Select(x => Disclosed.Record($"involvement-ending:{x.Ending.InvolvementId}", DisclosedSections.ServiceRecords,
            x.Ending.EndedAt, x.Ending.EndedBy, x.Ending.EndedByRole, x.Ending.EndedAt,
            ("record", "Outreach involvement ended"), ("worker", x.WorkerUserId), ("reason", x.Ending.Reason),
            ("youngPersonTold", x.Ending.YoungPersonTold ? "Yes" : "No"), ("youngPersonResponse", x.Ending.YoungPersonResponse))));
        return records;
    }
}
