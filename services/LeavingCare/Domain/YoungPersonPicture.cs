using Support.Contracts.Risk;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Domain;

/// <summary>
/// The living picture of one young person, built only from other services' events and this service's own records
/// (issue 5, point 1: no calls into other services' databases). A mutable current-state projection: the history
/// behind it is in the append-only <see cref="PictureEvent"/>, <see cref="Contact"/> and
/// <see cref="AdviserAllocation"/> tables. The birthdays that drive deadlines are stored, computed once in code (29
/// February → 1 March), so the daily alert job can be a set-based query over 100,000 rows.
/// </summary>
public sealed class YoungPersonPicture
{
    private YoungPersonPicture() { }

    public Guid YoungPersonId { get; private init; }
    public DateOnly? DateOfBirth { get; private set; }
    public int DetailsVersion { get; private set; }
    /// <summary>PathwayPlanFrom (LC-03): the 16th birthday.</summary>
    public DateOnly? PathwayPlanFrom { get; private set; }
    public DateOnly? EighteenthBirthday { get; private set; }
    /// <summary>PersonalAdviserUntil: the 25th birthday.</summary>
    public DateOnly? SupportUntil { get; private set; }
    /// <summary>The UK date this service first heard of the person.</summary>
    public DateOnly FirstKnownOn { get; private init; }
    public bool LookedAfter { get; private set; }
    /// <summary>When the young person was taken onto the leaving-care caseload (null: known, not on the caseload).</summary>
    public DateTimeOffset? OnCaseloadSince { get; private set; }
    /// <summary>The allocated personal adviser's user id (token subject).</summary>
    public string? AdviserUserId { get; private set; }
    public RiskLevel? RiskLevel { get; private set; }
    public List<RiskIndicator> RiskIndicators { get; private set; } = [];
    public DateTimeOffset? RiskLevelAt { get; private set; }
    public DateTimeOffset? LastContactAt { get; private set; }
    public DateTimeOffset? WhereaboutsUnknownSince { get; private set; }
    /// <summary>When <c>SupportContinuedPast18</c> was announced (exactly once, LC-02).</summary>
    public DateTimeOffset? SupportContinuedAnnouncedAt { get; private set; }
    /// <summary>
    /// LC-02 <c>VictimWithOngoingSupportNeeds</c>: set the first time the young person's risk of exploitation is rated
    /// Medium or above (REF-14), and never cleared: not by a lower rating, not by a birthday.
    /// </summary>
    public DateTimeOffset? VictimWithOngoingSupportNeedsSince { get; private set; }
    /// <summary>LC-03: in education or training, which extends the adviser's duty (PaDutyEndAgeInEducationOrTraining).</summary>
    public bool InEducationOrTraining { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static YoungPersonPicture Start(Guid youngPersonId, DateTimeOffset now) =>
        new() { YoungPersonId = youngPersonId, FirstKnownOn = London.DateOf(now), UpdatedAt = now };

    /// <summary>Registry details; an older version arriving late is ignored. Returns whether the date of birth changed.</summary>
    public bool ApplyDateOfBirth(DateOnly dateOfBirth, int version, LeavingCareOptions options, DateTimeOffset now)
    {
        if (version <= DetailsVersion)
        {
            return false;
        }
        var changed = DateOfBirth != dateOfBirth;
        DetailsVersion = version;
        DateOfBirth = dateOfBirth;
        PathwayPlanFrom = Birthdays.Anniversary(dateOfBirth, options.PathwayPlanFromAge);
        EighteenthBirthday = Birthdays.Anniversary(dateOfBirth, 18);
        SupportUntil = Birthdays.Anniversary(dateOfBirth, options.SupportUntilAge);
        UpdatedAt = now;
        return changed;
    }

    /// <summary>A risk level from Referrals (REF-14); a late, older message does not overwrite a newer one.</summary>
    public void ApplyRisk(RiskLevel level, IReadOnlyList<RiskIndicator> indicators, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (RiskLevelAt is { } current && occurredAt < current)
        {
            return;
        }
        (RiskLevel, RiskIndicators, RiskLevelAt, UpdatedAt) = (level, [.. indicators], occurredAt, now);
        if (level >= Support.Contracts.Risk.RiskLevel.Medium)
        {
            VictimWithOngoingSupportNeedsSince ??= occurredAt;
        }
        // The InCare indicator says the young person is looked after (PathwayPlanFrom applies to them).
        if (indicators.Contains(RiskIndicator.InCare))
        {
            LookedAfter = true;
        }
    }

    public void JoinCaseload(bool lookedAfter, DateTimeOffset now)
    {
        OnCaseloadSince ??= now;
        LookedAfter = LookedAfter || lookedAfter;
        UpdatedAt = now;
    }

    public void SetLookedAfter(bool lookedAfter, DateTimeOffset now) => (LookedAfter, UpdatedAt) = (lookedAfter, now);

    /// <summary>Returns the previous adviser.</summary>
    public string? AllocateAdviser(string adviserUserId, DateTimeOffset now)
    {
        var previous = AdviserUserId;
        (AdviserUserId, UpdatedAt) = (adviserUserId, now);
        OnCaseloadSince ??= now;
        return previous;
    }

    public void RecordContact(DateTimeOffset contactedAt, DateTimeOffset now)
    {
        if (LastContactAt is null || contactedAt > LastContactAt)
        {
            LastContactAt = contactedAt;
        }
        WhereaboutsUnknownSince = null;
        UpdatedAt = now;
    }

    public void RecordWhereaboutsUnknown(DateTimeOffset now) => (WhereaboutsUnknownSince, UpdatedAt) = (WhereaboutsUnknownSince ?? now, now);

    public void SetEducationOrTraining(bool inEducationOrTraining, DateTimeOffset now) => (InEducationOrTraining, UpdatedAt) = (inEducationOrTraining, now);

    /// <summary>LC-03: the birthday the personal adviser's duty runs to.</summary>
    public DateOnly? AdviserDutyEndsOn(LeavingCareOptions options) => DateOfBirth is { } dob
        ? Birthdays.Anniversary(dob, InEducationOrTraining ? options.PaDutyEndAgeInEducationOrTraining : options.PaDutyEndAge)
        : null;

    public int? AgeOn(DateOnly date) => DateOfBirth is { } dob ? Birthdays.AgeOn(dob, date) : null;
}
