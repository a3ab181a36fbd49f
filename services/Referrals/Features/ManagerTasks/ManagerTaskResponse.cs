using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.ManagerTasks;

public sealed record ManagerTaskResponse(
    Guid Id, Guid YoungPersonId, ManagerTaskKind Kind, LegalFlag? Flag, Guid SourceId, LondonTime CreatedAt, string CreatedBy,
    bool Completed, string? Decision, LondonTime? CompletedAt, string? CompletedBy)
{
    public static ManagerTaskResponse From(ManagerTask t, ManagerTaskCompletion? c) => new(
        t.Id, t.YoungPersonId, t.Kind, t.Flag, t.SourceId, LondonTime.Of(t.CreatedAt), t.CreatedBy, c is not null, c?.Decision, LondonTime.Of(c?.CompletedAt), c?.CompletedBy);
}
