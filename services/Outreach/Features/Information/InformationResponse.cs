using Support.Outreach.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Information;

/// <summary>
/// A mention and, when it was proposed to Referrals as a person-of-concern link (INT-02), where that stands:
/// <c>Proposed</c>, <c>Confirmed</c> or <c>Rejected</c>. <c>linkedYoungPeople</c> of 2 or more is a network (REF-13).
/// </summary>
public sealed record MentionResponse(
    MentionKind Kind, string Value, string Normalised, MentionLinkResponse? Link = null, string? Gender = null, string? Ethnicity = null);

public sealed record MentionLinkResponse(
    string Status, int? LinkedYoungPeople, bool NetworkLink, Guid? OrganisedAbuseNetworkId, bool LicensingNotified, string? Reason,
    LondonTime ProposedAt, LondonTime? DecidedAt, string? DecidedBy)
{
    public static MentionLinkResponse From(MentionLinkProposal p, MentionLinkOutcome? o) => new(
        o is null ? "Proposed" : o.Confirmed ? "Confirmed" : "Rejected",
        o?.Confirmed == true ? o.LinkedYoungPeople : null, o is { Confirmed: true, LinkedYoungPeople: >= 2 }, o?.OrganisedAbuseNetworkId,
        o?.LicensingNotificationId is not null, o?.Reason, LondonTime.Of(p.ProposedAt), LondonTime.Of(o?.DecidedAt), o?.DecidedBy);
}

public sealed record InformationEventResponse(Guid Id, InformationEventKind Kind, string? Reason, string? Reference, LondonTime RecordedAt, string RecordedBy, string RecordedByRole)
{
    public static InformationEventResponse From(InformationItemEvent e) =>
        new(e.Id, e.Kind, e.Reason, e.Reference, LondonTime.Of(e.RecordedAt), e.RecordedBy, e.RecordedByRole);
}

/// <summary>An item with its whole history. <c>status</c>: <c>AwaitingDisposition</c>, <c>Overdue</c>, <c>WithPolice</c> (stays active, INT-06) or <c>Disposed</c>.</summary>
public sealed record InformationItemResponse(
    Guid Id, Guid? YoungPersonId, Guid? AliasId, Guid? ContactId, Guid? LocationId,
    string Words, InformationSourceKind SourceKind, string ReportedBy, Hand Hand, LondonTime ReceivedAt,
    SourceEvaluation? SourceEvaluation, IntelligenceAssessment? IntelligenceAssessment, HandlingCode? Handling,
    IReadOnlyList<MentionResponse> Mentions, LondonTime RecordedAt, string RecordedBy, string RecordedByRole,
    LondonTime DispositionDueAt, string Status, IReadOnlyList<InformationEventResponse> History)
{
    public static InformationItemResponse From(
        InformationItem i, IReadOnlyList<InformationItemEvent> history, DateTimeOffset now, IReadOnlyDictionary<Guid, MentionLinkResponse>? links = null) => new(
        i.Id, i.YoungPersonId, i.AliasId, i.ContactId, i.LocationId, i.Words, i.SourceKind, i.ReportedBy, i.Hand, LondonTime.Of(i.ReceivedAt),
        i.SourceEvaluation, i.IntelligenceAssessment, i.Handling,
        [.. i.Mentions.OrderBy(m => m.Position).Select(m => new MentionResponse(m.Kind, m.Value, m.Normalised, links?.GetValueOrDefault(m.Id), m.DescribedGender, m.DescribedEthnicity))],
        LondonTime.Of(i.RecordedAt), i.RecordedBy, i.RecordedByRole, LondonTime.Of(i.DispositionDueAt),
        StatusOf(i, history, now), [.. history.OrderBy(e => e.RecordedAt).Select(InformationEventResponse.From)]);

    public static string StatusOf(InformationItem item, IReadOnlyList<InformationItemEvent> history, DateTimeOffset now) =>
        history.Any(e => e.Kind == InformationEventKind.SharedWithPolice) ? "WithPolice"
        : history.Any(e => e.Disposes) ? "Disposed"
        : now >= item.DispositionDueAt ? "Overdue"
        : "AwaitingDisposition";
}
