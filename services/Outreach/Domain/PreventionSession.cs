using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>OUT-09: where a prevention or awareness session was held.</summary>
public enum SessionSetting
{
    School,
    Community,
}

/// <summary>Who the session was for.</summary>
public enum AudienceType
{
    Pupils,
    YoungPeople,
    Parents,
    Professionals,
    CommunityGroup,
    TaxiAndLicensedTrade,
}

/// <summary>
/// OUT-09: a school or community prevention session (a <c>GroupSession</c>): the setting, the audience, how many
/// attended, the programme and topics, the before/after evaluation and any follow-up referrals. No child is named: it
/// is counted, not recorded about anyone. Append-only.
/// </summary>
public sealed class PreventionSession
{
    public const decimal MinScore = 0m;
    public const decimal MaxScore = 10m;

    private PreventionSession() { }

    public Guid Id { get; private init; }
    public SessionSetting Setting { get; private init; }
    public AudienceType Audience { get; private init; }
    /// <summary>The school or community venue (an organisation, never a person).</summary>
    public string Venue { get; private init; } = "";
    public DateOnly HeldOn { get; private init; }
    public int Attendees { get; private init; }
    public string Programme { get; private init; } = "";
    public List<string> Topics { get; private init; } = [];
    /// <summary>The mean score (0-10) of the evaluation before the session, when one was taken.</summary>
    public decimal? EvaluationBefore { get; private init; }
    public decimal? EvaluationAfter { get; private init; }
    public int? EvaluationResponses { get; private init; }
    public int FollowUpReferrals { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public string? IdempotencyKey { get; private init; }

    public static PreventionSession Record(
        SessionSetting setting, AudienceType audience, string venue, DateOnly heldOn, int attendees, string programme, IReadOnlyList<string> topics,
        decimal? before, decimal? after, int? responses, int followUpReferrals, Author author, string? idempotencyKey) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        Setting = setting,
        Audience = audience,
        Venue = venue,
        HeldOn = heldOn,
        Attendees = attendees,
        Programme = programme,
        Topics = [.. topics],
        EvaluationBefore = before,
        EvaluationAfter = after,
        EvaluationResponses = responses,
        FollowUpReferrals = followUpReferrals,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        IdempotencyKey = idempotencyKey,
    };
}
