using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Alerts;

public sealed record PackRisk(string? Level, IReadOnlyList<string> Indicators, LondonTime? SetAt);
public sealed record PackItem(Guid Id, string Label, string? Who, LondonTime? DueAt, LondonTime At);
public sealed record PackMissing(int Episodes, int EpisodesLast90Days, int ReturnInterviews, IReadOnlyList<PackItem> Recent);
public sealed record PackWords(string Words, LondonTime RecordedAt, string RecordedBy);

/// <summary>
/// The handover pack (LC-01): the CSE picture an adviser needs before the 18th birthday. Read from the living picture
/// when it is opened, so the risk level is always the current one. Therapy involvement is empty until the Therapy
/// service publishes events.
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
    IReadOnlyList<PackWords> YoungPersonsWords,
    LondonTime? LastContactAt,
    LondonTime? WhereaboutsUnknownSince,
    string Duties)
{
    /// <summary>LC-03: shown with every pack, so the end of one duty is never read as the end of all of them.</summary>
    public const string DutiesText =
        "The duty to provide accommodation and maintenance ends at 18; advice, assistance, a personal adviser, the pathway plan and keeping in touch continue to the 25th birthday. Nothing closes because of age (LC-02).";

    public static async Task<HandoverPackResponse> BuildAsync(LeavingCareDbContext db, YoungPersonPicture picture, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await db.PictureEvents.AsNoTracking().Where(e => e.YoungPersonId == picture.YoungPersonId)
            .OrderByDescending(e => e.OccurredAt).ToListAsync(cancellationToken);
        var words = await db.Contacts.AsNoTracking()
            .Where(c => c.YoungPersonId == picture.YoungPersonId && c.YoungPersonsWords != null)
            .OrderByDescending(c => c.OccurredAt).Take(5)
            .Select(c => new { c.YoungPersonsWords, c.OccurredAt, c.RecordedBy }).ToListAsync(cancellationToken);

        IEnumerable<PictureEvent> Of(string kind) => facts.Where(f => f.Kind == kind);
        HashSet<Guid> Refs(string kind) => [.. Of(kind).Select(f => f.ReferenceId)];
        static PackItem Item(PictureEvent f) => new(f.ReferenceId, f.Label, f.Actor, LondonTime.Of(f.DueAt), LondonTime.Of(f.OccurredAt));

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
            [],
            [.. words.Select(w => new PackWords(w.YoungPersonsWords!, LondonTime.Of(w.OccurredAt), w.RecordedBy))],
            LondonTime.Of(picture.LastContactAt),
            LondonTime.Of(picture.WhereaboutsUnknownSince),
            DutiesText);
    }
}
