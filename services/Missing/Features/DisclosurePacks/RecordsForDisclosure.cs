using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Missing.Data;
using Support.Registry;

namespace Support.Missing.Features.DisclosurePacks;

/// <summary>
/// Missing's part of a disclosure pack (REC-10): every episode and return interview about the young person word for
/// word, and each interview's account in the young person's own words as its own item (issue 16 item 4). The
/// chronology has these as codes only (MIS-03: free text leaves this service when a pack asks for it, or under the
/// sharing basis).
/// </summary>
public sealed class RecordsForDisclosure(MissingDbContext db) : IDisclosureContributor
{
    public async Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken)
    {
        var records = new List<DisclosedRecord>();
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId)
            .OrderBy(e => e.LastSeenAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        records.AddRange(episodes.Select(e => Disclosed.Record($"episode:{e.Id}", DisclosedSections.ServiceRecords, e.LastSeenAt,
            e.RecordedBy, e.RecordedByRole, e.RecordedAt,
            ("record", "Missing episode"), ("missingFrom", e.MissingFrom.ToString()), ("lastSeenLocation", e.LastSeenLocation),
            ("believedWith", e.BelievedWith), ("reportedBy", e.ReportedBy), ("circumstances", e.Circumstances), ("policeReference", e.PoliceReference),
            ("whereFound", e.WhereFound), ("foundWith", e.FoundWith), ("howReturned", e.HowReturned))));

        var interviews = await db.ReturnInterviews.AsNoTracking().Where(i => i.YoungPersonId == youngPersonId)
            .OrderBy(i => i.ReturnedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        foreach (var interview in interviews)
        {
            records.Add(Disclosed.Record($"return-interview:{interview.Id}", DisclosedSections.ServiceRecords, interview.ConductedAt ?? interview.ReturnedAt,
                interview.OutcomeRecordedBy ?? interview.RecordedBy, interview.OutcomeRecordedByRole ?? interview.RecordedByRole,
                interview.OutcomeRecordedAt ?? interview.RecordedAt,
                ("record", "Return interview"), ("status", interview.Status.ToString()), ("whereTheyWere", interview.WhereTheyWere),
                ("whoWith", interview.WhoWith), ("pushFactors", interview.PushFactors), ("pullFactors", interview.PullFactors),
                ("riskIndicators", string.Join(", ", interview.RiskIndicators)), ("disclosure", interview.Disclosure),
                ("notHeldReason", interview.NotHeldReason), ("policeRefusalReason", interview.PoliceRefusalReason)));
            if (!string.IsNullOrWhiteSpace(interview.YoungPersonsWords))
            {
                records.Add(Disclosed.Record($"return-interview-words:{interview.Id}", DisclosedSections.OwnWords, interview.ConductedAt,
                    interview.OutcomeRecordedBy, interview.OutcomeRecordedByRole, interview.OutcomeRecordedAt,
                    ("source", "Return interview"), ("inOwnWords", interview.YoungPersonsWords)));
            }
        }

        var notices = await db.AbductionNotices.AsNoTracking().Where(n => n.YoungPersonId == youngPersonId)
            .OrderBy(n => n.ServedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        records.AddRange(notices.Select(n => Disclosed.Record($"abduction-notice:{n.Id}", DisclosedSections.ServiceRecords, n.ServedAt,
            n.RecordedBy, n.RecordedByRole, n.RecordedAt,
            ("record", "Child abduction warning notice"), ("servedOn", n.SubjectName), ("nicknames", string.Join(", ", n.SubjectNicknames)),
            ("addresses", string.Join("; ", n.Addresses)), ("vehicles", string.Join(", ", n.VehicleRegistrations)))));
        return records;
    }
}
