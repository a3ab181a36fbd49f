namespace Support.Missing.Domain;

public enum EpisodeLinkKind
{
    /// <summary>Another young person's episode shares a location, associate or vehicle (flags both episodes).</summary>
    OtherYoungPerson,
    /// <summary>The same young person's other episode shares a location, associate or vehicle (shown, not flagged).</summary>
    RepeatLocation,
    /// <summary>A term from an active abduction notice for this young person appears in the episode (flags it).</summary>
    AbductionNotice,
}

public enum EpisodeFlag
{
    LinkedToOtherYoungPerson,
    AbductionNoticeBreachSuspected,
}

/// <summary>
/// One match found by <see cref="PatternMatching"/> (MIS-05): this episode shares <see cref="MatchedTerm"/> with another
/// episode or with an abduction notice. <see cref="MatchedOn"/> names this episode's fields holding the term,
/// <see cref="LinkedFields"/> the other episode's fields (or the notice's parts). A match between two episodes is
/// stored from both sides, so each shows it. Links are local to this service (no contract is published) and never edited.
/// </summary>
public sealed class EpisodeLink
{
    private EpisodeLink() { }

    public Guid Id { get; private init; }
    public Guid EpisodeId { get; private init; }
    public EpisodeLinkKind Kind { get; private init; }
    public Guid? LinkedEpisodeId { get; private init; }
    public Guid? AbductionNoticeId { get; private init; }
    public List<string> MatchedOn { get; private init; } = [];
    public List<string> LinkedFields { get; private init; } = [];
    public string MatchedTerm { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public EpisodeFlag? Flag => Kind switch
    {
        EpisodeLinkKind.OtherYoungPerson => EpisodeFlag.LinkedToOtherYoungPerson,
        EpisodeLinkKind.AbductionNotice => EpisodeFlag.AbductionNoticeBreachSuspected,
        _ => null,
    };

    public static EpisodeLink ToEpisode(Guid episodeId, Guid linkedEpisodeId, bool sameYoungPerson, IEnumerable<string> matchedOn,
        IEnumerable<string> linkedFields, string term, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        EpisodeId = episodeId,
        Kind = sameYoungPerson ? EpisodeLinkKind.RepeatLocation : EpisodeLinkKind.OtherYoungPerson,
        LinkedEpisodeId = linkedEpisodeId,
        MatchedOn = matchedOn.Distinct().Order(StringComparer.Ordinal).ToList(),
        LinkedFields = linkedFields.Distinct().Order(StringComparer.Ordinal).ToList(),
        MatchedTerm = term,
        RecordedAt = at.ToUniversalTime(),
    };

    public static EpisodeLink ToNotice(Guid episodeId, Guid noticeId, IEnumerable<string> matchedOn, IEnumerable<string> noticeParts,
        string term, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        EpisodeId = episodeId,
        Kind = EpisodeLinkKind.AbductionNotice,
        AbductionNoticeId = noticeId,
        MatchedOn = matchedOn.Distinct().Order(StringComparer.Ordinal).ToList(),
        LinkedFields = noticeParts.Distinct().Order(StringComparer.Ordinal).ToList(),
        MatchedTerm = term,
        RecordedAt = at.ToUniversalTime(),
    };
}
