namespace Support.Contracts.Missing;

/// <summary>Where the young person went missing from (MIS-01: care leavers aged 18 to 25 included).</summary>
public enum MissingFrom
{
    Home,
    Care,
    LeavingCareAccommodation,
}
