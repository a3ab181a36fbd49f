using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// COM-11: the versioned definitions of Outreach's table reports. A field is never removed nor a definition changed in
/// place: a new version is appended with its reason and author, and every response names its version. OUT-10 names
/// gender and ethnicity as fields that must not quietly disappear.
/// </summary>
public static class ReportDefinitions
{
    // Static fields are initialised in the order written: the dates come before the definitions that use them.
    private static readonly DateOnly FirstPublished = new(2026, 12, 4);
    private static readonly DateOnly FirstPublishedPersonsOfConcern = new(2026, 12, 5);

    public static readonly ReportDefinition Reach = new("outreach-reach", "Young people reached by outreach, by gender and ethnicity",
        CountingUnits.DistinctYoungPeople,
    [
        new(1, FirstPublished, "outreach-team", "First version (OUT-10).",
            "Distinct young people with at least one outreach contact in the period (a corrected contact counts as its latest correction; an "
            + "alias matched to a registered young person is that person), by gender and by ethnicity as recorded: a registered young "
            + "person's from the registry, an alias's as the worker or young person described it. Every registry gender category is listed, "
            + "zero included; 'Not recorded' is its own row; for all readers but auditors, described values with too few young people to "
            + "publish are counted together under 'Other described values', so a rare description never singles anyone out.",
            ["period", "byGender", "byEthnicity"]),
    ]);

    public static readonly ReportDefinition PersonsOfConcern = new("outreach-persons-of-concern",
        "Persons of concern named in information, by gender and ethnicity as described", CountingUnits.DistinctPersonsOfConcern,
    [
        new(1, FirstPublishedPersonsOfConcern, "outreach-team", "First version (OUT-10: descriptive fields for persons of concern).",
            "Distinct persons of concern named in information items received in the period: each person by the name recorded (normalised, "
            + "so 'Mo Khan' and 'mo  khan' are one), each nickname by itself; a person also known by a nickname is counted once under each, "
            + "because the two are not known to be the same person until someone links them. Gender and ethnicity are as the source described "
            + "the person, never inferred; where items describe the same person differently, the latest item received in the period gives "
            + "the value. 'Not recorded' is its own row; for all readers but auditors, described values too few to publish are counted "
            + "together under 'Other described values'.",
            ["period", "byGender", "byEthnicity"]),
    ]);

}
