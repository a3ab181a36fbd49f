using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Domain.PoliceOutcomes;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.PoliceOutcomes;

/// <summary>
/// A police outcome as shown to staff. <c>Current</c> is false once a correction replaces it (<c>CorrectedBy</c>); the
/// corrected record stays readable (REC-05).
/// </summary>
public sealed record PoliceOutcomeResponse(
    Guid Id, Guid YoungPersonId, Guid? ReferralId, Guid? CaseId, PoliceOutcomeKind Outcome, DateOnly OutcomeOn, string? CrimeReference,
    string? Note, Guid? Corrects, string? CorrectionReason, Guid? CorrectedBy, bool Current, LondonTime RecordedAt,
    string RecordedBy, string RecordedByRole)
{
    public static PoliceOutcomeResponse From(PoliceOutcome o, Guid? correctedBy) => new(
        o.Id, o.YoungPersonId, o.ReferralId, o.CaseId, o.Outcome, o.OutcomeOn, o.CrimeReference, o.Note, o.CorrectsId, o.CorrectionReason,
        correctedBy, correctedBy is null, LondonTime.Of(o.RecordedAt), o.RecordedBy, o.RecordedByRole);
}

/// <summary>
/// REF-09, said plainly to whoever records a police outcome: what it does NOT do (close the case or a referral, lower
/// the risk level) and what closing the case now needs. <c>ClosesCase</c> and <c>ChangesRiskLevel</c> are always false;
/// they are there so a client cannot read silence as "closed".
/// </summary>
/// <param name="ClosesCase">Always false: a police outcome never closes a referral or a case.</param>
/// <param name="ChangesRiskLevel">Always false: a police outcome never sets or lowers a risk level.</param>
/// <param name="OpenCaseId">The young person's open case, which stays open; null if none is open.</param>
/// <param name="RiskLevel">The risk level in force, unchanged; null if none has been set.</param>
/// <param name="DoesNotDo">What recording the outcome did not do, in words.</param>
/// <param name="ClosureRequires">What closing the case needs from now on.</param>
public sealed record PoliceOutcomeEffect(
    bool ClosesCase, bool ChangesRiskLevel, Guid? OpenCaseId, RiskLevel? RiskLevel, IReadOnlyList<string> DoesNotDo, string ClosureRequires)
{
    public static PoliceOutcomeEffect Of(PoliceOutcome outcome, Guid? openCaseId, RiskLevel? level) => new(
        ClosesCase: false,
        ChangesRiskLevel: false,
        openCaseId,
        level,
        [
            openCaseId is { } caseId
                ? $"This police outcome does not close case {caseId} or any referral: the case stays open (REF-09)."
                : "This police outcome does not close any referral or case (REF-09).",
            level is { } inForce
                ? $"It does not lower the risk level: the level stays {inForce} until social care records its own risk assessment (REF-09)."
                : "It does not set or lower a risk level: only a social-care risk assessment does (REF-09).",
        ],
        "To close the case, social care must first record its own risk assessment after this outcome "
        + $"(recorded {London.Describe(outcome.RecordedAt)}); then a team manager closes it with a rationale (REF-09, REF-25).");
}

/// <summary>The answer to recording a police outcome: the record, and what it does not do (REF-09).</summary>
public sealed record RecordedPoliceOutcomeResponse(PoliceOutcomeResponse Outcome, PoliceOutcomeEffect Effect);
