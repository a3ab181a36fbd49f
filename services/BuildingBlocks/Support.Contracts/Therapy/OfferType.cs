namespace Support.Contracts.Therapy;

/// <summary>The kinds of commissioned offer (THR-03). Travel as strings; add at the end, never rename.</summary>
public enum OfferType
{
    Camhs,
    AdultMentalHealth,
    TraumaTherapy,
    FamilyTherapy,
    CounsellingVoluntarySector,
    HomeVisitPsychology,
    GroupWork,
    CourtSupport,
    ParentingSupport,
    SubstanceMisuse,
}
