using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Risk;

/// <summary>An action agreed at a risk review: what, who owns it and by when.</summary>
public sealed record RiskReviewAction(string Description, string Owner, DateOnly DueOn);

/// <summary>
/// The outcome of a risk review (REF-16): the level, the rationale, the actions and every trigger it considered since
/// the previous completed review. Append-only, one per review (a second completion is refused). The level goes through
/// a risk assessment (<see cref="AssessmentId"/>), so raising and lowering follow the same rules (REF-14, REF-15).
/// </summary>
public sealed class RiskReviewCompletion
{
    private RiskReviewCompletion() { }

    public Guid ReviewId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid AssessmentId { get; private init; }
    public RiskLevel Level { get; private init; }
    public string Rationale { get; private init; } = "";
    public List<RiskReviewAction> Actions { get; private init; } = [];
    /// <summary>The reviews (triggers) considered: every one opened since the previous completed review.</summary>
    public List<Guid> TriggerReviewIds { get; private init; } = [];
    public bool CompletedLate { get; private init; }
    public DateTimeOffset CompletedAt { get; private init; }
    public string CompletedBy { get; private init; } = "";
    public string CompletedByRole { get; private init; } = "";

    public static RiskReviewCompletion For(
        RiskReview review, RiskAssessment assessment, string rationale, IReadOnlyList<RiskReviewAction> actions,
        IReadOnlyList<Guid> triggers, Author author) => new()
    {
        ReviewId = review.Id,
        YoungPersonId = review.YoungPersonId,
        AssessmentId = assessment.Id,
        Level = assessment.ChosenLevel,
        Rationale = rationale.Trim(),
        Actions = [.. actions],
        TriggerReviewIds = [.. triggers],
        CompletedLate = author.At > review.DueAt,
        CompletedAt = author.At,
        CompletedBy = author.UserId,
        CompletedByRole = author.Role,
    };
}
