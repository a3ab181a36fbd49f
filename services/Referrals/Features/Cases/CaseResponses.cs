using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.Cases;

public sealed record CaseResponse(
    Guid Id, Guid YoungPersonId, Guid? ReferralId, CaseStatus Status, string LeadTeam, string AllocationCriterion,
    string CriteriaVersion, string? KeyWorker, DateTimeOffset? KeyWorkerSince, DateTimeOffset OpenedAt, DateTimeOffset RecordedAt,
    string RecordedBy, DateTimeOffset? ClosedAt)
{
    public static CaseResponse From(Case c) => new(
        c.Id, c.YoungPersonId, c.ReferralId, c.Status, c.LeadTeam, c.AllocationCriterion, c.CriteriaVersion, c.KeyWorker,
        c.KeyWorkerSince, c.OpenedAt, c.RecordedAt, c.RecordedBy, c.ClosedAt);
}

public sealed record InvolvedWorkerResponse(Guid Id, string Worker, string Role, DateTimeOffset Since, string RecordedBy)
{
    public static InvolvedWorkerResponse From(InvolvedWorker w) => new(w.Id, w.Worker, w.Role, w.From, w.RecordedBy);
}

public sealed record CaseDetailResponse(CaseResponse Case, IReadOnlyList<InvolvedWorkerResponse> InvolvedWorkers, IReadOnlyList<CaseTransferResponse> Transfers);

public sealed record CaseTransferDecisionResponse(CaseTransferDecisionKind Kind, string? Rationale, DateTimeOffset DecidedAt, string DecidedBy, string DecidedByRole);

public sealed record CaseTransferResponse(
    Guid Id, Guid CaseId, string FromTeam, string ToTeam, string Summary, string Criterion, string CriteriaVersion,
    CaseTransferStatus Status, DateTimeOffset RequestedAt, string RequestedBy, IReadOnlyList<CaseTransferDecisionResponse> Decisions)
{
    public static CaseTransferResponse From(CaseTransfer t) => new(
        t.Id, t.CaseId, t.FromTeam, t.ToTeam, t.Summary, t.Criterion, t.CriteriaVersion, t.Status, t.RequestedAt, t.RequestedBy,
        t.Decisions.OrderBy(d => d.DecidedAt).Select(d => new CaseTransferDecisionResponse(d.Kind, d.Rationale, d.DecidedAt, d.DecidedBy, d.DecidedByRole)).ToList());
}

/// <summary>A period in a history; <c>ValidTo</c> is null while it is still in force.</summary>
public sealed record PeriodResponse(string Holder, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, string RecordedBy);
