namespace Support.LeavingCare;

/// <summary>Part I parameters for this service (configuration section <c>LeavingCare</c>).</summary>
public sealed class LeavingCareOptions
{
    public const string Section = "LeavingCare";

    /// <summary><c>HandoverAlertLead</c>: days before the 18th birthday that the handover alert is raised (LC-01).</summary>
    public int HandoverAlertLeadDays { get; set; } = 90;

    /// <summary>Days before the 18th birthday that an escalated alert goes to a manager if no adviser is allocated (LC-01).</summary>
    public int EscalationLeadDays { get; set; } = 30;

    /// <summary><c>PathwayPlanFrom</c>: the birthday from which a looked-after young person needs a pathway plan (LC-03).</summary>
    public int PathwayPlanFromAge { get; set; } = 16;

    /// <summary>A pathway plan is reviewed at least this often, in months (LC-03).</summary>
    public int PathwayPlanReviewMonths { get; set; } = 6;

    /// <summary><c>PersonalAdviserUntil</c>: support can continue to this birthday (Children and Social Work Act 2017).</summary>
    public int SupportUntilAge { get; set; } = 25;

    /// <summary><c>KeepInTouchInterval</c>: no contact for this many days raises an alert (LC-03, LC-04). Default 8 weeks.</summary>
    public int KeepInTouchDays { get; set; } = 56;

    /// <summary>Placement types that are never suitable without a manager's recorded decision (LC-05).</summary>
    public List<string> UnsuitablePlacementTypes { get; set; } =
        ["AdultOnlyHostel", "UnstaffedHostel", "BedAndBreakfast", "NightShelter"];

    /// <summary>LC-01: an alert not acknowledged in this many working days escalates to the leaving-care team manager.</summary>
    public int AlertAcknowledgementWorkingDays { get; set; } = 5;

    /// <summary>
    /// LC-03 <c>PaDutyEndAge</c>: the personal adviser's duty runs to this birthday (21), or to
    /// <see cref="PaDutyEndAgeInEducationOrTraining"/> for a young person in education or training. Casey's 2015 text
    /// says 24 for the latter; the Children and Social Work Act 2017 offers a personal adviser up to 25, and issue 15
    /// says 25, so 25 is the default and both are parameters.
    /// </summary>
    public int PaDutyEndAge { get; set; } = 21;

    public int PaDutyEndAgeInEducationOrTraining { get; set; } = 25;

    /// <summary>LC-04: the adviser's follow-up tasks for a care leaver reported missing are due this many hours after the report.</summary>
    public int MissingFollowUpHours { get; set; } = 24;

    /// <summary>Whether the hosted alert job loops (tests switch it off and call <c>RunOnceAsync</c> themselves).</summary>
    public bool AlertJobEnabled { get; set; } = true;

    /// <summary>How often the alert job runs.</summary>
    public TimeSpan AlertCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    public bool IsValid() =>
        HandoverAlertLeadDays > EscalationLeadDays && EscalationLeadDays >= 1 && PathwayPlanFromAge is >= 14 and < 18
        && PathwayPlanReviewMonths >= 1 && MissingFollowUpHours >= 1 && AlertAcknowledgementWorkingDays is >= 1 and <= 20
        && PaDutyEndAge is >= 18 and <= 30 && PaDutyEndAgeInEducationOrTraining >= PaDutyEndAge && PaDutyEndAgeInEducationOrTraining <= 30 && SupportUntilAge is >= 18 and <= 30 && KeepInTouchDays >= 1
        && AlertCheckInterval > TimeSpan.Zero && AlertCheckInterval <= TimeSpan.FromDays(1);
}
