using Support.Contracts.Referrals;
using Support.Contracts.Risk;

namespace Support.Therapy.Domain;

/// <summary>
/// A referral received at the front door, as commissioners count demand (COM-06, COM-07, COM-12): who referred, the
/// form of CSE it arrived as, and the young person's ages, from <c>ReferralReceived</c>. Codes and numbers only: no
/// words, no name. One row per referral, however often the event is delivered.
/// </summary>
public sealed class ReferralDemand
{
    private ReferralDemand() { }

    public Guid ReferralId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public ReferrerRole ReferrerRole { get; private init; }
    /// <summary>The type it arrived as; a later reclassification is a <see cref="ReferralReclassification"/>, never an overwrite.</summary>
    public CseType ReceivedCseType { get; private init; }
    public bool IsReReferral { get; private init; }
    public int? AgeAtReferral { get; private init; }
    public int? AgeOnConcernDate { get; private init; }
    /// <summary>When the front door received it (the event's OccurredAt, set by Referrals' server).</summary>
    public DateTimeOffset ReceivedAt { get; private init; }

    public static ReferralDemand From(ReferralReceived m) => new()
    {
        ReferralId = m.ReferralId, YoungPersonId = m.YoungPersonId, ReferrerRole = m.ReferrerRole, ReceivedCseType = m.CseType,
        IsReReferral = m.IsReReferral, AgeAtReferral = m.AgeAtReferral, AgeOnConcernDate = m.AgeOnConcernDate, ReceivedAt = m.OccurredAt,
    };

    /// <summary>COM-06: where the referral falls among first referrals of adults (the demand report's rows).</summary>
    public AdultFirstReferral AdultFirstReferral =>
        IsReReferral ? AdultFirstReferral.NotOne
        : AgeAtReferral is null || AgeOnConcernDate is null ? AdultFirstReferral.AgesNotKnown
        : AgeAtReferral < 18 ? AdultFirstReferral.NotOne
        : AgeOnConcernDate < 18 ? AdultFirstReferral.ConcernBefore18 : AdultFirstReferral.ConcernAt18OrOver;
}

/// <summary>
/// COM-06: a historic victim coming forward is a young person's first referral, made at 18 or over, about a concern dated
/// before their 18th birthday. Stored by name; add at the end, never rename.
/// </summary>
public enum AdultFirstReferral
{
    /// <summary>A re-referral, or a first referral of a child.</summary>
    NotOne,
    ConcernBefore18,
    ConcernAt18OrOver,
    /// <summary>A first referral announced before the ages were carried: counted apart, never guessed.</summary>
    AgesNotKnown,
}

/// <summary>
/// COM-06, COM-07's read model: referrals received in one London month by referrer role, the type they are counted
/// under (the latest reclassification's, else the one they arrived as: a reclassification moves its referral, REF-02)
/// and where they fall among adults' first referrals. A month, not a day: with every role and type a day would hold
/// nearly a row per referral.
/// </summary>
public sealed class ReferralMonthCount
{
    private ReferralMonthCount() { }

    /// <summary>The first day of the London month.</summary>
    public DateOnly Month { get; private init; }
    public ReferrerRole ReferrerRole { get; private init; }
    public CseType CseType { get; private init; }
    public AdultFirstReferral AdultFirstReferral { get; private init; }
    public int Referrals { get; private init; }
}

/// <summary>COM-12's read model: a young person was referred in a financial year (once, however many referrals).</summary>
public sealed class ReferralYearPerson
{
    private ReferralYearPerson() { }

    public int YearStart { get; private init; }
    public Guid YoungPersonId { get; private init; }
}

/// <summary>
/// An approved reclassification of a referral (REF-02), from <c>ReferralReclassified</c>. Kept beside the referral rather
/// than written over it, so the order the two events arrive in does not matter: the latest by OccurredAt is the type.
/// </summary>
public sealed class ReferralReclassification
{
    private ReferralReclassification() { }

    public Guid ReferralId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public CseType ToCseType { get; private init; }

    public static ReferralReclassification From(ReferralReclassified m) =>
        new() { ReferralId = m.ReferralId, OccurredAt = m.OccurredAt, ToCseType = m.ToCseType };
}

/// <summary>What a <see cref="CommissioningFact"/> records. Stored by name; add at the end, never rename.</summary>
public enum CommissioningFactKind
{
    /// <summary>A young person went missing (MIS-01), dated when they were last seen.</summary>
    MissingEpisode,
    /// <summary>A young person returned, so a return-home interview became due (MIS-02), dated at the return.</summary>
    ReturnInterviewDue,
    ReturnInterviewCompleted,
    /// <summary>Declined by the young person or not completed, with a manager's sign-off (MIS-02).</summary>
    ReturnInterviewNotHeld,
    /// <summary>A referral, risk assessment or return interview named school absence (REF-14 indicator).</summary>
    SchoolAbsenceFlag,
    /// <summary>A referral, risk assessment or return interview named an arrest or criminalisation.</summary>
    CriminalisationFlag,
    /// <summary>A referral named a pregnancy of a child under 16 on the day of the concern.</summary>
    Under16PregnancyFlag,
    /// <summary>A critical incident raised to senior managers (REF-22): COM-12's risk profile.</summary>
    CriticalIncident,
    /// <summary>
    /// A therapy referral made in this service (THR-01), dated when it was made: COM-03's mental-health referral. Never a
    /// fact another service announces; counted in the triggers' read model when the referral is saved.
    /// </summary>
    MentalHealthReferral,
    /// <summary>A therapy referral declined in this service (THR-04), dated at the decision: COM-03's mental-health decline. As above.</summary>
    MentalHealthDecline,
}

/// <summary>
/// One event another service announced that commissioners' reports count (COM-03 triggers, COM-12 critical incidents):
/// its kind, the record it came from, the young person (never published) and when it happened. One row per kind and
/// source record, however often it is delivered or re-announced.
/// </summary>
public sealed class CommissioningFact
{
    private CommissioningFact() { }

    public CommissioningFactKind Kind { get; private init; }
    /// <summary>The record in the announcing service (an episode, interview, referral or assessment id).</summary>
    public Guid SourceId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>When it happened, as its service recorded it (COM-09): reports count by this.</summary>
    public DateTimeOffset OccurredAt { get; private init; }
    /// <summary>The code it carries, where a report breaks it down (a critical incident's kind); never free text.</summary>
    public string? Code { get; private init; }
    /// <summary>
    /// When its service recorded it (the message's OccurredAt, the server's clock), kept beside when it happened (COM-09);
    /// null for facts stored before this was kept.
    /// </summary>
    public DateTimeOffset? RecordedAt { get; private init; }

    /// <summary>COM-03: every kind but a critical incident is a trigger for CSE (a critical incident is COM-12's risk profile).</summary>
    public bool IsTrigger => Kind != CommissioningFactKind.CriticalIncident;

    public static CommissioningFact Of(CommissioningFactKind kind, Guid sourceId, Guid youngPersonId, DateTimeOffset occurredAt, DateTimeOffset recordedAt,
        string? code = null) =>
        new() { Kind = kind, SourceId = sourceId, YoungPersonId = youngPersonId, OccurredAt = occurredAt, RecordedAt = recordedAt, Code = code };

    /// <summary>COM-03: the trigger flags a record's risk indicators carry (school absence, criminalisation).</summary>
    public static IEnumerable<CommissioningFact> FlagsIn(IEnumerable<RiskIndicator> indicators, Guid sourceId, Guid youngPersonId, DateTimeOffset occurredAt,
        DateTimeOffset recordedAt)
    {
        var named = indicators.ToHashSet();
        if (named.Contains(RiskIndicator.SchoolAbsence))
        {
            yield return Of(CommissioningFactKind.SchoolAbsenceFlag, sourceId, youngPersonId, occurredAt, recordedAt);
        }
        if (named.Contains(RiskIndicator.ArrestedOrCriminalised))
        {
            yield return Of(CommissioningFactKind.CriminalisationFlag, sourceId, youngPersonId, occurredAt, recordedAt);
        }
    }

}

/// <summary>
/// COM-03's read model: how many records of one trigger kind fell on one London day. Kept with each fact in the same
/// transaction, so the triggers report sums a few hundred rows a year instead of counting millions of facts.
/// </summary>
public sealed class TriggerDayCount
{
    private TriggerDayCount() { }

    public CommissioningFactKind Kind { get; private init; }
    public DateOnly Day { get; private init; }
    public int Records { get; private init; }
}

/// <summary>
/// COM-09's read model for the triggers report: how many records of one trigger kind dated in a financial year were
/// recorded after it ended, and when the last was. Kept with each fact, so a closed year's restatement is one row a kind.
/// </summary>
public sealed class TriggerLateCount
{
    private TriggerLateCount() { }

    public int YearStart { get; private init; }
    public CommissioningFactKind Kind { get; private init; }
    public int Records { get; private init; }
    public DateTimeOffset LastRecordedAt { get; private init; }
}

/// <summary>
/// COM-03's read model: a young person had a record of one trigger kind in a financial year (once, however many). The
/// distinct young people per trigger are a count of these rows.
/// </summary>
public sealed class TriggerYearPerson
{
    private TriggerYearPerson() { }

    public CommissioningFactKind Kind { get; private init; }
    public int YearStart { get; private init; }
    public Guid YoungPersonId { get; private init; }
}

/// <summary>
/// COM-03's read model: how many young people had a record of one trigger kind in a financial year, the count of that
/// kind's <see cref="TriggerYearPerson"/> rows, kept as each row is added so the report never counts them.
/// </summary>
public sealed class TriggerYearPeopleCount
{
    private TriggerYearPeopleCount() { }

    public int YearStart { get; private init; }
    public CommissioningFactKind Kind { get; private init; }
    public int People { get; private init; }
}

/// <summary>COM-03's read model: a young person had a record of any trigger kind in a financial year (a child with two triggers is one child).</summary>
public sealed class TriggerYearAnyPerson
{
    private TriggerYearAnyPerson() { }

    public int YearStart { get; private init; }
    public Guid YoungPersonId { get; private init; }
}
