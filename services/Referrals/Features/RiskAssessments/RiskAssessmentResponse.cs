using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>
/// An assessment as shown to practitioners: why the table suggested its level (REF-14), what was chosen, whether it
/// waits for a manager, the legal flags raised (REF-07) and any prompt about the language of the notes (REF-08).
/// </summary>
public sealed record RiskAssessmentResponse(
    Guid Id, Guid YoungPersonId, Guid? ReviewId, DateOnly EventDate, int? AgeOnEventDate,
    IReadOnlyList<RiskIndicator> Indicators, bool SexualActivity, bool DisclosureOfAssault, int MissingEpisodesInLast90Days,
    RiskLevel SuggestedLevel, string RuleTableVersion, IReadOnlyList<RiskRuleMatch> Rules, IReadOnlyList<RiskIndicator> ContributingIndicators,
    RiskLevel ChosenLevel, RiskLevel? PreviousLevel, bool Override, RiskAssessmentStatus Status, string? CountersignedBy, LondonTime? CountersignedAt,
    IReadOnlyList<LegalFlag> LegalFlags, IReadOnlyList<LegalLanguagePrompt> Prompts, string? Rationale, string? Notes,
    LondonTime RecordedAt, string RecordedBy, string RecordedByRole, IReadOnlyList<RiskIndicator> IndicatorsFromRecord)
{
    public static RiskAssessmentResponse From(RiskAssessment a, RiskAssessmentCountersignature? countersignature) => new(
        a.Id, a.YoungPersonId, a.ReviewId, a.EventDate, a.AgeOnEventDate, a.Indicators, a.SexualActivity, a.DisclosureOfAssault,
        a.MissingEpisodesInLast90Days, a.SuggestedLevel, a.RuleTableVersion, a.Matches, a.ContributingIndicators, a.ChosenLevel,
        a.PreviousLevel, a.ChosenLevel != a.SuggestedLevel, a.StatusWith(countersignature), countersignature?.CountersignedBy,
        LondonTime.Of(countersignature?.CountersignedAt), a.LegalFlags,
        LegalLanguagePrompts.For(a.Notes, a.AgeOnEventDate) is { } prompt ? [prompt] : [],
        a.Rationale, a.Notes, LondonTime.Of(a.RecordedAt), a.RecordedBy, a.RecordedByRole, a.IndicatorsFromRecord);
}
