using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>
/// OUT-06: an outreach worker's relationship with a young person, since a date. It never ends because a case opens,
/// transfers, closes or changes lead agency, nor because the young person turns 18: nothing here listens for those.
/// It ends only by a recorded decision (<see cref="InvolvementEnding"/>); OUT-11: it can be handed straight to a
/// colleague (<see cref="InvolvementHandover"/>). Append-only: who holds it now is the latest handover.
/// </summary>
public sealed class Involvement
{
    private Involvement() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The worker who started it (the sign-in subject).</summary>
    public string WorkerUserId { get; private init; } = "";
    /// <summary>When the relationship began, as the worker says (it may predate this record).</summary>
    public DateOnly Since { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static Involvement Start(Guid youngPersonId, string workerUserId, DateOnly since, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        WorkerUserId = workerUserId,
        Since = since,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

/// <summary>OUT-11: an in-team handoff, one audited action; the involvement and its history carry on with the colleague.</summary>
public sealed class InvolvementHandover
{
    private InvolvementHandover() { }

    public Guid Id { get; private init; }
    public Guid InvolvementId { get; private init; }
    public string FromWorkerUserId { get; private init; } = "";
    public string ToWorkerUserId { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public DateTimeOffset HandedAt { get; private init; }
    public string HandedBy { get; private init; } = "";
    public string HandedByRole { get; private init; } = "";

    public static InvolvementHandover Record(Involvement involvement, string from, string to, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        InvolvementId = involvement.Id,
        FromWorkerUserId = from,
        ToWorkerUserId = to,
        Reason = reason,
        HandedAt = author.At,
        HandedBy = author.UserId,
        HandedByRole = author.Role,
    };
}

/// <summary>
/// OUT-06's <c>EndOutreachInvolvement</c>: the rationale, whether the young person was told and what they said. Within
/// <c>Outreach:EndNeedsManagerWithinMonths</c> (12) of the last disclosure only a manager may end it. One per involvement.
/// </summary>
public sealed class InvolvementEnding
{
    private InvolvementEnding() { }

    public Guid InvolvementId { get; private init; }
    public string Reason { get; private init; } = "";
    public bool YoungPersonTold { get; private init; }
    /// <summary>What the young person said when told, or why they were not told.</summary>
    public string YoungPersonResponse { get; private init; } = "";
    /// <summary>The last disclosure the decision was taken against (null: none recorded).</summary>
    public DateTimeOffset? LastDisclosureAt { get; private init; }
    public DateTimeOffset EndedAt { get; private init; }
    public string EndedBy { get; private init; } = "";
    public string EndedByRole { get; private init; } = "";

    public static InvolvementEnding Record(Involvement involvement, string reason, bool told, string response, DateTimeOffset? lastDisclosureAt, Author author) => new()
    {
        InvolvementId = involvement.Id,
        Reason = reason,
        YoungPersonTold = told,
        YoungPersonResponse = response,
        LastDisclosureAt = lastDisclosureAt,
        EndedAt = author.At,
        EndedBy = author.UserId,
        EndedByRole = author.Role,
    };
}

/// <summary>
/// The young person's CSE risk level as Referrals last announced it (<c>RiskLevelChanged</c>): a projection, replaced
/// by a later announcement, never by an earlier one arriving late.
/// </summary>
public sealed class YoungPersonRiskLevel
{
    private YoungPersonRiskLevel() { }

    public Guid YoungPersonId { get; private init; }
    public RiskLevel Level { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public static YoungPersonRiskLevel Of(Guid youngPersonId, RiskLevel level, DateTimeOffset changedAt) =>
        new() { YoungPersonId = youngPersonId, Level = level, ChangedAt = changedAt };

    /// <summary>False when the announcement is older than what is held.</summary>
    public bool Apply(RiskLevel level, DateTimeOffset changedAt)
    {
        if (changedAt < ChangedAt)
        {
            return false;
        }
        (Level, ChangedAt) = (level, changedAt);
        return true;
    }
}

/// <summary>
/// OUT-06, Part I <c>OutreachNoContactAlert</c>: a young person rated <c>High</c> or above with no contact for 14 days.
/// One per involvement and gap (<see cref="GapSince"/>, the last contact or the involvement's start), addressed to the
/// worker holding it then and shown to managers. Append-only.
/// </summary>
public sealed class NoContactAlert
{
    private NoContactAlert() { }

    public Guid Id { get; private init; }
    public Guid InvolvementId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string WorkerUserId { get; private init; } = "";
    public RiskLevel RiskLevel { get; private init; }
    public DateTimeOffset GapSince { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset RaisedAt { get; private init; }

    public static NoContactAlert Raise(Guid involvementId, Guid youngPersonId, string worker, RiskLevel level, DateTimeOffset gapSince, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InvolvementId = involvementId,
        YoungPersonId = youngPersonId,
        WorkerUserId = worker,
        RiskLevel = level,
        GapSince = gapSince,
        DueAt = dueAt,
        RaisedAt = now,
    };
}
