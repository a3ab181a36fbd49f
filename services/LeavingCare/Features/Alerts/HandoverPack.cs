using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Alerts;

public sealed record PackRisk(string? Level, IReadOnlyList<string> Indicators, LondonTime? SetAt);
public sealed record PackItem(Guid Id, string Label, string? Who, LondonTime? DueAt, LondonTime At);
public sealed record PackMissing(int Episodes, int EpisodesLast90Days, int ReturnInterviews, IReadOnlyList<PackItem> Recent);
/// <summary>A quotation: the words, when they were said (<c>RecordedAt</c>), who recorded them and where (<c>Source</c>).</summary>
public sealed record PackWords(string Words, LondonTime RecordedAt, string RecordedBy, string Source);

/// <summary>
/// The handover pack (LC-01): the CSE picture an adviser needs before the 18th birthday. Read from the living picture
/// when it is opened, so the risk level is always the current one. Therapy involvement is what the Therapy service
/// announced: referrals accepted (an episode open), declined, and episodes closed, newest first.
/// </summary>
public sealed record HandoverPackResponse(
    Guid YoungPersonId,
    DateOnly? DateOfBirth,
    DateOnly? EighteenthBirthday,
    DateOnly? SupportAvailableUntil,
    bool LookedAfter,
    string? PersonalAdviser,
    PackRisk Risk,
    IReadOnlyList<PackItem> OpenRiskReviews,
    IReadOnlyList<PackItem> OpenStrategyActions,
    IReadOnlyList<PackItem> StrategyDecisions,
    IReadOnlyList<PackItem> ReferralDecisions,
    PackMissing Missing,
    IReadOnlyList<PackItem> OutreachInvolvement,
    IReadOnlyList<PackItem> TherapyInvolvement,
    IReadOnlyList<PackItem> Placements,
    IReadOnlyList<PackWords> YoungPersonsWords,
    LondonTime? LastContactAt,
    LondonTime? WhereaboutsUnknownSince,
    string Duties)
{
    /// <summary>LC-03: shown with every pack, so the end of one duty is never read as the end of all of them.</summary>
    public const string DutiesText =
        "The duty to provide accommodation and maintenance ends at 18; advice, assistance, a personal adviser, the pathway plan and keeping in touch continue to the 25th birthday. Nothing closes because of age (LC-02).";

    /// <summary>How many of the young person's most recent quotations the pack shows.</summary>
    public const int WordsShown = 5;

    private static string SourceName(string service) => service switch
    {
        Consumers.YoungPersonViewsRecordedConsumer.SupportLineService => "Support line",
        "missing" => "Missing",
        _ => service,
    };

    public static async Task<HandoverPackResponse> BuildAsync(LeavingCareDbContext db, YoungPersonPicture picture, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await db.PictureEvents.AsNoTracking().Where(e => e.YoungPersonId == picture.YoungPersonId)
            .OrderByDescending(e => e.OccurredAt).ToListAsync(cancellationToken);
        // The young person's own words from the adviser's contacts and from other services (SL-07), newest first.
        var contactWords = await db.Contacts.AsNoTracking()
            .Where(c => c.YoungPersonId == picture.YoungPersonId && c.YoungPersonsWords != null)
            .OrderByDescending(c => c.OccurredAt).Take(WordsShown)
            .Select(c => new { Words = c.YoungPersonsWords!, c.OccurredAt, c.RecordedBy, c.Method }).ToListAsync(cancellationToken);
        var sharedWords = await db.SharedViews.AsNoTracking()
            .Where(v => v.YoungPersonId == picture.YoungPersonId)
            .OrderByDescending(v => v.SaidAt).Take(WordsShown)
            .Select(v => new { v.Words, v.SaidAt, v.RecordedBy, v.SourceService, v.Method }).ToListAsync(cancellationToken);
        var words = contactWords.Select(c => (c.Words, At: c.OccurredAt, c.RecordedBy, Source: $"Leaving care contact ({c.Method})"))
            .Concat(sharedWords.Select(v => (v.Words, At: v.SaidAt, v.RecordedBy, Source: $"{SourceName(v.SourceService)} ({v.Method})")))
            .OrderByDescending(w => w.At).Take(WordsShown).ToList();

        IEnumerable<PictureEvent> Of(string kind) => facts.Where(f => f.Kind == kind);
        HashSet<Guid> Refs(string kind) => [.. Of(kind).Select(f => f.ReferenceId)];
        static PackItem Item(PictureEvent f) => new(f.ReferenceId, f.Label, f.Actor, LondonTime.Of(f.DueAt), LondonTime.Of(f.OccurredAt));

        // Newest first; a placement ended on its own (not by the next one starting) says when and why.
        var endings = Of(PictureEventKinds.PlacementEnded).ToDictionary(f => f.ReferenceId, f => f.Label);
        string Ended(PictureEvent placement) => endings.TryGetValue(placement.ReferenceId, out var ended) ? $"{placement.Label}; {ended}" : placement.Label;

        var completedReviews = Refs(PictureEventKinds.RiskReviewCompleted);
        var completedActions = Refs(PictureEventKinds.StrategyActionCompleted);
        var episodes = Of(PictureEventKinds.MissingEpisodeReported).ToList();
        return new HandoverPackResponse(
            picture.YoungPersonId,
            picture.DateOfBirth,
            picture.EighteenthBirthday,
            picture.SupportUntil,
            picture.LookedAfter,
            picture.AdviserUserId,
            new PackRisk(picture.RiskLevel?.ToString(), [.. picture.RiskIndicators.Select(i => i.ToString())], LondonTime.Of(picture.RiskLevelAt)),
            [.. Of(PictureEventKinds.RiskReviewOpened).Where(f => !completedReviews.Contains(f.ReferenceId)).Select(Item)],
            [.. Of(PictureEventKinds.StrategyAction).Where(f => !completedActions.Contains(f.ReferenceId)).Select(Item)],
            [.. Of(PictureEventKinds.StrategyMeetingDecision).Select(Item)],
            [.. Of(PictureEventKinds.ReferralDecided).Select(Item)],
            new PackMissing(
                episodes.Count,
                episodes.Count(e => e.OccurredAt >= now.AddDays(-90)),
                Of(PictureEventKinds.ReturnInterviewCompleted).Count(),
                [.. episodes.Concat(Of(PictureEventKinds.ReturnInterviewCompleted)).OrderByDescending(f => f.OccurredAt).Take(10).Select(Item)]),
            [.. Of(PictureEventKinds.OutreachConcernRaised).Select(Item)],
            [.. facts.Where(f => f.Kind is PictureEventKinds.TherapyReferralAccepted or PictureEventKinds.TherapyReferralDeclined
                or PictureEventKinds.TherapyEpisodeClosed).Select(Item)],
            [.. Of(PictureEventKinds.PlacementStarted).Select(f => Item(f) with { Label = Ended(f) })],
            [.. words.Select(w => new PackWords(w.Words, LondonTime.Of(w.At), w.RecordedBy, w.Source))],
            LondonTime.Of(picture.LastContactAt),
            LondonTime.Of(picture.WhereaboutsUnknownSince),
            DutiesText);
    }
}
