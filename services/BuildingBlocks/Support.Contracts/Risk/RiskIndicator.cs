namespace Support.Contracts.Risk;

/// <summary>
/// Indicators of CSE risk (domain brief §4.7, from Casey's victim presentation, the case files and Imray). Travel as
/// strings; new values are added at the end and never renamed.
/// </summary>
public enum RiskIndicator
{
    Unhappy,
    SchoolAbsence,
    NoFriendsOrIsolated,
    GoingOutALot,
    MissingFromHome,
    DrivenAroundInCars,
    PickedUpByTaxi,
    MultipleMobilePhones,
    AttitudeChange,
    OlderBoyfriend,
    GiftsMoneyOrAttention,
    GivingOutMoney,
    AlcoholOrDrugsSupplied,
    SelfHarm,
    SuicidalFeelings,
    Pregnancy,
    TerminationOrMiscarriage,
    Sti,
    InCare,
    NeglectHistory,
    DomesticViolenceAtHome,
    SiblingWithCseHistory,
    ParentInPrison,
    AdultsVisitingHome,
    AdultsWaitingOutsideHomeOrSchool,
    ThreatsReceived,
    InjuriesOnReturn,
    ArrestedOrCriminalised,
    SexualHealthServiceUnder13,
}
