using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.Referrals.Domain.StrategyMeetings;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Everything the platform holds about one young person, for a pack (REC-10). The chronology already carries every
/// service's events (REC-03): registrations, referrals, missing episodes and return interviews, outreach contacts and
/// information, therapy and leaving-care events, cross-references (REF-19), case notes and corrections; the meeting
/// decisions, the young person's own words, the linked persons of concern and the police outcomes are read from
/// their own tables here.
/// </summary>
public static class PackAssembly
{
    private const string Service = "referrals";

    public static async Task<IReadOnlyList<PackItem>> ItemsAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        var items = new List<PackItem>();
        var chronology = await db.ChronologyEntries.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        items.AddRange(chronology.Select(e => new PackItem(
            $"chronology:{e.Id}", PackSections.Chronology, e.OccurredAt, new PackProvenance(e.SourceService, e.AuthorId, e.AuthorRole, e.RecordedAt),
            Fields(("kind", e.Kind.ToString()), ("summary", e.Summary), ("detail", e.Detail),
                ("corrects", e.Corrects is { } corrected ? $"chronology:{corrected}" : null)))));

        var meetings = await db.StrategyMeetings.AsNoTracking()
            .Where(m => m.Status == StrategyMeetingStatus.Finalised && m.YoungPersonIds.Contains(youngPersonId))
            .OrderBy(m => m.HeldAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var provenance = new PackProvenance(Service, meeting.FinalisedBy, meeting.FinalisedByRole, meeting.FinalisedAt);
            items.AddRange(meeting.Decisions
                .Select((decision, index) => (decision, index))
                .Where(d => d.decision.YoungPersonId is null || d.decision.YoungPersonId == youngPersonId)
                .Select(d => new PackItem($"meeting-decision:{meeting.Id}:{d.index}", PackSections.MeetingDecisions, meeting.HeldAt, provenance,
                    Fields(("decision", d.decision.Text), ("noFurtherActionRationale", meeting.NoFurtherAction ? meeting.NoFurtherActionRationale : null)))));
            items.AddRange(meeting.ChildViews.Where(v => v.YoungPersonId == youngPersonId)
                .Select(v => new PackItem($"own-words:{meeting.Id}", PackSections.OwnWords, meeting.HeldAt, provenance,
                    Fields(("inOwnWords", v.InOwnWords), ("notObtainedReason", v.NotObtainedReason)))));
        }

        var links = await db.YoungPersonLinks.AsNoTracking().Where(l => l.YoungPersonId == youngPersonId)
            .OrderBy(l => l.RecordedAt).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        items.AddRange(links.Select(l => new PackItem($"link:{l.Id}", PackSections.Links, l.RecordedAt,
            new PackProvenance(Service, l.RecordedBy, l.RecordedByRole, l.RecordedAt), Fields(("kind", l.Kind.ToString()), ("value", l.Value)))));

        var outcomes = await db.PoliceOutcomes.AsNoTracking().Where(o => o.YoungPersonId == youngPersonId)
            .OrderBy(o => o.RecordedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        items.AddRange(outcomes.Select(o => new PackItem($"police-outcome:{o.Id}", PackSections.PoliceOutcomes, o.RecordedAt,
            new PackProvenance(Service, o.RecordedBy, o.RecordedByRole, o.RecordedAt),
            Fields(("outcome", o.Outcome.ToString()), ("outcomeOn", o.OutcomeOn.ToString("yyyy-MM-dd")), ("crimeReference", o.CrimeReference),
                ("note", o.Note), ("corrects", o.CorrectsId is { } c ? $"police-outcome:{c}" : null), ("correctionReason", o.CorrectionReason)))));
        return items;
    }

    /// <summary>The fields that have a value, in the order given.</summary>
    private static Dictionary<string, string> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Name, f => f.Value!, StringComparer.Ordinal);
}
