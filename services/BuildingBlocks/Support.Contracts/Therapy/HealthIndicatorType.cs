namespace Support.Contracts.Therapy;

/// <summary>Health events that are CSE indicators (THR-08). Travel as strings; add at the end, never rename.</summary>
public enum HealthIndicatorType
{
    Pregnancy,
    Termination,
    Miscarriage,
    Sti,
    SelfHarmAdmission,
    Overdose,
    MentalHealthCrisis,
    PtsdDiagnosis,
}
