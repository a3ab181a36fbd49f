using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.YoungPeople;

/// <summary>
/// Issue 16 item 4: the young person's own words, first on their record rather than buried in notes: the views a
/// strategy meeting recorded for them (REF-12; where they were not obtained, why), the texts a support-line worker
/// marked as their views (SL-07), their account at a return interview (MIS-03, where its sharing basis allows) and what
/// they told their personal adviser (LC-01), newest first. Inspectors found young people "never shown what had been written about
/// them" and their voice missing from their files.
/// </summary>
public static class OwnWords
{
    /// <param name="Source">"Strategy meeting", "Support line", "Return interview", "Keeping-in-touch contact" or "Closing leaving-care support".</param>
    /// <param name="SaidAt">When: the meeting, or when the text was sent.</param>
    /// <param name="Words">Their words; null when a meeting recorded why they could not be obtained.</param>
    /// <param name="NotObtainedReason">Why a meeting could not obtain their views.</param>
    /// <param name="RecordedBy">Who recorded them: the meeting's chair who finalised it, or the support-line worker.</param>
    /// <param name="Reference">The meeting or the chronology entry the words are kept in.</param>
    public sealed record Item(string Source, LondonTime? SaidAt, string? Words, string? NotObtainedReason, string RecordedBy, Guid Reference);

    public static async Task<Results<Ok<List<Item>>, NotFound>> HandleAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var meetings = await db.StrategyMeetings.AsNoTracking()
            .Where(m => m.Status == StrategyMeetingStatus.Finalised && m.YoungPersonIds.Contains(id)).ToListAsync(cancellationToken);
        var fromMeetings = meetings.SelectMany(m => m.ChildViews.Where(v => v.YoungPersonId == id)
            .Select(v => (At: m.HeldAt, Item: new Item("Strategy meeting", LondonTime.Of(m.HeldAt), v.InOwnWords, v.NotObtainedReason, m.FinalisedBy ?? "", m.Id))));
        // The chronology entry holds the words as the other service sent them, with when they were said: a text to the
        // support line, a return interview's account, what they told their adviser (its detail says which).
        var said = await db.ChronologyEntries.AsNoTracking()
            .Where(e => e.YoungPersonId == id
                && (e.Kind == ChronologyEntryKind.YoungPersonViewsRecorded || e.Kind == ChronologyEntryKind.YoungPersonsWordsRecorded))
            .Select(e => new { e.OccurredAt, e.Kind, e.Summary, e.Detail, e.AuthorId, e.Id }).ToListAsync(cancellationToken);
        var fromTexts = said.Select(e => (At: (DateTimeOffset?)e.OccurredAt, Item: new Item(
            e.Kind == ChronologyEntryKind.YoungPersonViewsRecorded ? "Support line" : e.Detail ?? "Another service",
            LondonTime.Of(e.OccurredAt), e.Summary, null, e.AuthorId, e.Id)));
        return TypedResults.Ok(fromMeetings.Concat(fromTexts).OrderByDescending(w => w.At).Select(w => w.Item).ToList());
    }
}
