using Support.Contracts.Placements;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Placements;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

public sealed record PlacementResponse(
    Guid Id, Guid YoungPersonId, PlacementType Type, PlacementReason Reason, string Setting, DateOnly StartedOn, DateOnly? ReviewBy,
    string Rationale, Guid? MatchingAssessmentId, string? CarerUserId, bool Current, DateOnly? EndedOn, PlacementReason? EndReason,
    LondonTime RecordedAt, string RecordedBy)
{
    public static PlacementResponse From(Placement p, PlacementEnding? ending) => new(
        p.Id, p.YoungPersonId, p.Type, p.Reason, p.Setting, p.StartedOn, p.ReviewBy, p.Rationale, p.MatchingAssessmentId, p.CarerUserId,
        ending is null, ending?.EndedOn, ending?.Reason, LondonTime.Of(p.RecordedAt), p.RecordedBy);
}

public sealed record PlacementRefusalResponse(Guid Id, Guid YoungPersonId, PlacementType RequestedType, PlacementReason Reason, string Note, LondonTime RecordedAt, string RecordedBy)
{
    public static PlacementRefusalResponse From(PlacementRefusal r) =>
        new(r.Id, r.YoungPersonId, r.RequestedType, r.Reason, r.Note, LondonTime.Of(r.RecordedAt), r.RecordedBy);
}

public sealed record RiskToOthersResponse(
    Guid Id, Guid YoungPersonId, string Description, Gender? TowardsGender, int? TowardsYoungerThan, LondonTime RecordedAt, string RecordedBy,
    LondonTime? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason)
{
    public static RiskToOthersResponse From(RiskToOthersFlag f, RiskToOthersWithdrawal? w) => new(
        f.Id, f.YoungPersonId, f.Description, f.TowardsGender, f.TowardsYoungerThan, LondonTime.Of(f.RecordedAt), f.RecordedBy,
        w is null ? null : LondonTime.Of(w.WithdrawnAt), w?.WithdrawnBy, w?.Reason);
}

public sealed record MatchingAssessmentResponse(
    Guid Id, Guid YoungPersonId, string Setting, int FlagsConsidered, string Analysis, string SafetyPlan, LondonTime RecordedAt, string RecordedBy,
    MatchingDecisionOutcome? Decision, string? DecisionRationale, LondonTime? DecidedAt, string? DecidedBy)
{
    public static MatchingAssessmentResponse From(PlacementMatchingAssessment a, PlacementMatchingDecision? d) => new(
        a.Id, a.YoungPersonId, a.Setting, a.FlagsConsidered.Count, a.Analysis, a.SafetyPlan, LondonTime.Of(a.RecordedAt), a.RecordedBy,
        d?.Outcome, d?.Rationale, d is null ? null : LondonTime.Of(d.DecidedAt), d?.DecidedBy);
}

public sealed record BarredPersonResponse(
    Guid Id, Guid YoungPersonId, string Name, string Description, string Reason, LondonTime RecordedAt, string RecordedBy,
    LondonTime? RemovedAt = null, string? RemovedBy = null, string? RemovalReason = null)
{
    public static BarredPersonResponse From(BarredPerson p, BarredPersonRemoval? removal = null) => new(
        p.Id, p.YoungPersonId, p.Name, p.Description, p.Reason, LondonTime.Of(p.RecordedAt), p.RecordedBy,
        removal is null ? null : LondonTime.Of(removal.RemovedAt), removal?.RemovedBy, removal?.Reason);
}

public sealed record BarredContactResponse(Guid Id, Guid PlacementId, Guid YoungPersonId, Guid BarredPersonId, LondonTime OccurredAt, string Account,
    Guid CriticalIncidentId, LondonTime RecordedAt, string RecordedBy)
{
    public static BarredContactResponse From(BarredContactReport r) => new(
        r.Id, r.PlacementId, r.YoungPersonId, r.BarredPersonId, LondonTime.Of(r.OccurredAt), r.Account, r.CriticalIncidentId,
        LondonTime.Of(r.RecordedAt), r.RecordedBy);
}
