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
    IReadOnlyList<InterviewStep> History)
{
    public static ReturnInterviewResponse From(ReturnInterview i, DateTimeOffset now) => new(
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
        HistoryOf(i));

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
