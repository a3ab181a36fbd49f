namespace Support.Referrals.Domain.Chronology;

/// <summary>
/// What a chronology entry records: one kind per event that concerns a young person (REC-02, REC-03), plus the case
/// notes and corrections written by hand. Missed deadlines, closures and reclassifications have kinds of their own so
/// they are never hidden inside something else. Stored as strings; add new kinds, never rename.
/// </summary>
public enum ChronologyEntryKind
{
    CaseNote,
    Correction,

    YoungPersonRegistered,
    YoungPersonDetailsCorrected,

    MissingEpisodeReported,
    YoungPersonReturned,
    ReturnInterviewCompleted,
    ReturnInterviewOverdue,
    ReturnInterviewNotHeld,
    RepeatMissingDetected,

    RiskLevelChanged,
    LegalFlagRaised,
    RiskReviewOpened,
    RiskReviewCompleted,
    RiskReviewOverdue,

    ReferralReceived,
    ReferralDecided,
    ReferralDecisionOverdue,
    ReferralDecisionEscalated,
    ReferralReclassified,
    S47StageReached,
    S47StageOverdue,
    StrategyMeetingFinalised,
    StrategyActionCompleted,
    StrategyActionOverdue,
    OrganisedAbuseSuspected,
    PoliceOutcomeRecorded,

    CaseOpened,
    KeyWorkerAssigned,
    CaseTransferred,
    CaseClosed,

    OutreachConcernRaised,
    OutreachContactRecorded,
    OutreachAliasMatched,

    HandoverAlertRaised,
    PersonalAdviserAllocated,
    SupportContinuedPast18,
    UnmetNeedRecorded,

    YoungPersonViewsRecorded,
    SupportLineDangerAlertRaised,
    SupportLineMessageUnanswered,
    PersonOfConcernNumberReported,

    TherapyReferralDeclined,
    HealthIndicatorRecorded,
    CriticalIncidentRaised,
    CriticalIncidentAcknowledged,
    CriticalIncidentAcknowledgementOverdue,
    StrategyMeetingDecisionRequested,
    ReturnInterviewLinksProposed,
    SharingRelationshipRecorded,
    SharingRelationshipEnded,
    ProfessionalEscalationLodged,
    ProfessionalEscalationAnswered,
    ProfessionalEscalationResponseOverdue,
    InformationShareRefused,
    TherapyReferralAccepted,
    TherapyEpisodeClosed,
    SubjectAccessRequestReceived,
    SubjectAccessRequestExtended,
    SubjectAccessRequestAnswered,
    UnmetNeedResolved,
    StrategyActionDeferred,
    KeyWorkerAllocationEnded,
    VisitGapAlertRaised,
    PlacementStarted,
    PlacementEnded,
    RiskToOthersRecorded,
    CaseVisitRecorded,
    CaseSupervisionRecorded,
    CrossReferenceRecorded,
    AssessmentOpened,
    AssessmentCompleted,
    AssessmentOverdue,
    AssessmentNeedTaskOverdue,
    YoungPersonsWordsRecorded,
}
