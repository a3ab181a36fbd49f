using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

public sealed record CaseResponse(
    Guid Id, Guid YoungPersonId, Guid? ReferralId, CaseStatus Status, string LeadTeam, string AllocationCriterion,
    string CriteriaVersion, string? KeyWorker, LondonTime? KeyWorkerSince, LondonTime OpenedAt, LondonTime RecordedAt,
    string RecordedBy, LondonTime? ClosedAt, LondonTime? UnallocatedSince)
{
    public static CaseResponse From(Case c) => new(
        c.Id, c.YoungPersonId, c.ReferralId, c.Status, c.LeadTeam, c.AllocationCriterion, c.CriteriaVersion, c.KeyWorker,
        LondonTime.Of(c.KeyWorkerSince), LondonTime.Of(c.OpenedAt), LondonTime.Of(c.RecordedAt), c.RecordedBy, LondonTime.Of(c.ClosedAt),
        c.IsOpen && c.KeyWorker is null ? LondonTime.Of(c.UnallocatedSince ?? c.OpenedAt) : null);
}

public sealed record InvolvedWorkerResponse(Guid Id, string Worker, string Role, LondonTime Since, string RecordedBy)
{
    public static InvolvedWorkerResponse From(InvolvedWorker w) => new(w.Id, w.Worker, w.Role, LondonTime.Of(w.From), w.RecordedBy);
}

public sealed record CaseDetailResponse(CaseResponse Case, IReadOnlyList<InvolvedWorkerResponse> InvolvedWorkers, IReadOnlyList<CaseTransferResponse> Transfers);

public sealed record CaseTransferDecisionResponse(CaseTransferDecisionKind Kind, string? Rationale, LondonTime DecidedAt, string DecidedBy, string DecidedByRole);

public sealed record CaseTransferResponse(
    Guid Id, Guid CaseId, string FromTeam, string ToTeam, string Summary, string Criterion, string CriteriaVersion,
    CaseTransferStatus Status, LondonTime RequestedAt, string RequestedBy, IReadOnlyList<CaseTransferDecisionResponse> Decisions)
{
    public static CaseTransferResponse From(CaseTransfer t) => new(
        t.Id, t.CaseId, t.FromTeam, t.ToTeam, t.Summary, t.Criterion, t.CriteriaVersion, t.Status, LondonTime.Of(t.RequestedAt), t.RequestedBy,
        t.Decisions.OrderBy(d => d.DecidedAt).Select(d => new CaseTransferDecisionResponse(d.Kind, d.Rationale, LondonTime.Of(d.DecidedAt), d.DecidedBy, d.DecidedByRole)).ToList());
}

/// <summary>Something still open on a case that closure must face (REF-25), with its deadline as London time.</summary>
public sealed record CaseOpenItemResponse(string Key, string Kind, string Description, bool BlocksClosure, LondonTime? DueAt, bool Overdue)
{
    public static CaseOpenItemResponse From(CaseOpenItem i) => new(i.Key, i.Kind, i.Description, i.BlocksClosure, LondonTime.Of(i.DueAt), i.Overdue);
}

/// <summary>A period in a history; <c>ValidTo</c> is null while it is still in force.</summary>
public sealed record PeriodResponse(string Holder, LondonTime ValidFrom, LondonTime? ValidTo, string RecordedBy);
