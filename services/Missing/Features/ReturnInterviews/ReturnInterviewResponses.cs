using Support.Contracts.Risk;
using Support.Missing.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>One step in the interview's life: what happened, when it happened, and who recorded it when.</summary>
public sealed record InterviewStep(string Step, LondonTime? At, Signature Recorded);

public sealed record InterviewFindingsResponse(
    LondonTime ConductedAt,
    string WhereTheyWere,
    IReadOnlyList<string> Locations,
    string? WhoWith,
    string? PushFactors,
    string? PullFactors,
    IReadOnlyList<RiskIndicator> RiskIndicators,
    bool DisclosureMade,
    string? Disclosure,
    string? YoungPersonsWords,
    InformationSharingBasis SharingBasis,
    bool DisclosureShared);

public sealed record ReturnInterviewResponse(
    Guid Id,
    Guid EpisodeId,
    Guid YoungPersonId,
    ReturnInterviewStatus Status,
    LondonTime ReturnedAt,
    LondonTime DueAt,
    bool IsOverdue,
    TimeSpan OverdueBy,
    LondonTime? OfferedAt,
    InterviewFindingsResponse? Findings,
    string? NotHeldReason,
    LondonTime? OverdueNotifiedAt,
    IReadOnlyList<InterviewStep> History,
    PoliceRefusalResponse? PoliceRefusal,
    ProposedLinksResponse ProposedLinks,
    IReadOnlyList<DisruptionOptionResponse> DisruptionOptions)
{
    public static ReturnInterviewResponse From(ReturnInterview i, DateTimeOffset now, IEnumerable<DisruptionOption>? options = null) => new(
        i.Id,
        i.EpisodeId,
        i.YoungPersonId,
        i.Status,
        LondonTime.Of(i.ReturnedAt),
        LondonTime.Of(i.DueAt),
        i.IsOverdueAt(now),
        i.IsOverdueAt(now) ? ReturnInterviewDeadline.OverdueBy(i.DueAt, now) : TimeSpan.Zero,
        LondonTime.Of(i.OfferedAt),
        i.Status == ReturnInterviewStatus.Completed
            ? new InterviewFindingsResponse(LondonTime.Of(i.ConductedAt!.Value), i.WhereTheyWere ?? "", i.Locations, i.WhoWith,
                i.PushFactors, i.PullFactors, i.RiskIndicators, i.DisclosureMade ?? false, i.Disclosure, i.YoungPersonsWords,
                i.SharingBasis!.Value, i.ShareableDisclosure() is not null)
            : null,
        i.NotHeldReason,
        LondonTime.Of(i.OverdueNotifiedAt),
        HistoryOf(i),
        i.PoliceRefusedAt is { } refusedAt
            ? new PoliceRefusalResponse(LondonTime.Of(refusedAt), i.PoliceRefusalReason ?? "",
                Signature.Of(i.PoliceRefusalRecordedAt!.Value, i.PoliceRefusalRecordedBy ?? "", i.PoliceRefusalRecordedByRole ?? ""))
            : null,
        new ProposedLinksResponse(i.ProposedPersons, i.ProposedVehicles, i.ProposedPlaces),
        (options ?? []).Where(o => o.InterviewId == i.Id).OrderBy(o => o.RecordedAt).ThenBy(o => o.Tool).ThenBy(o => o.Id).Select(DisruptionOptionResponse.From).ToList());

    private static List<InterviewStep> HistoryOf(ReturnInterview i)
    {
        var steps = new List<InterviewStep> { new("Due", LondonTime.Of(i.DueAt), Signature.Of(i.RecordedAt, i.RecordedBy, i.RecordedByRole)) };
        if (i.OfferRecordedAt is { } offerRecordedAt)
        {
            steps.Add(new InterviewStep("Offered", LondonTime.Of(i.OfferedAt), Signature.Of(offerRecordedAt, i.OfferRecordedBy ?? "", i.OfferRecordedByRole ?? "")));
        }
        if (i.OverdueNotifiedAt is { } overdueAt)
        {
            steps.Add(new InterviewStep("Overdue", LondonTime.Of(i.DueAt), Signature.Of(overdueAt, "missing-service", "Service")));
        }
        if (i.OutcomeRecordedAt is { } outcomeRecordedAt)
        {
            steps.Add(new InterviewStep(i.Status.ToString(), LondonTime.Of(i.ConductedAt ?? outcomeRecordedAt),
                Signature.Of(outcomeRecordedAt, i.OutcomeRecordedBy ?? "", i.OutcomeRecordedByRole ?? "")));
        }
        return steps.OrderBy(s => s.Recorded.At.Utc).ToList();
    }
}

/// <summary>MIS-02: the police declined to interview; the interview itself carries on.</summary>
public sealed record PoliceRefusalResponse(LondonTime RefusedAt, string Reason, Signature Recorded);

/// <summary>MIS-03, INT-01: persons (names or nicknames), vehicles and places the findings propose as links.</summary>
public sealed record ProposedLinksResponse(IReadOnlyList<string> Persons, IReadOnlyList<string> Vehicles, IReadOnlyList<string> Places);

/// <summary>INT-03: a disruption option with its decision, rationale and owner.</summary>
public sealed record DisruptionOptionResponse(Guid Id, DisruptionTool Tool, DisruptionDecision Decision, string Owner, string Rationale, Signature Recorded)
{
    public static DisruptionOptionResponse From(DisruptionOption o) =>
        new(o.Id, o.Tool, o.Decision, o.Owner, o.Rationale, Signature.Of(o.RecordedAt, o.RecordedBy, o.RecordedByRole));
}

/// <summary>A row of the overdue list: when it was due, in UTC and UK time, and by how much it is late.</summary>
public sealed record OpenInterviewResponse(
    Guid Id,
    Guid EpisodeId,
    Guid YoungPersonId,
    string? YoungPersonName,
    ReturnInterviewStatus Status,
    LondonTime ReturnedAt,
    LondonTime DueAt,
    bool IsOverdue,
    TimeSpan OverdueBy,
    int OverdueByHours);
