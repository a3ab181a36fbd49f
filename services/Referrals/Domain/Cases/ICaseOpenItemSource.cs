namespace Support.Referrals.Domain.Cases;

/// <summary>
/// Something still open on a case that closure must face (REF-25: "Closing a CSE case also lists anything still open
/// ... Each item needs an explicit decision").
/// </summary>
/// <param name="Key">Stable key the closing manager quotes when giving a decision, e.g. <c>risk-review:{id}</c>.</param>
/// <param name="Kind">What sort of item it is (<c>RiskReview</c>, <c>Transfer</c>, <c>EighteenthBirthday</c>...).</param>
/// <param name="Description">Says what is open; shown to staff, never logged.</param>
/// <param name="BlocksClosure">True: the case cannot close until the item itself is finished. False: closure may go
/// ahead once the request records an explicit decision on it.</param>
/// <param name="DueAt">The item's deadline, if it has one.</param>
/// <param name="Overdue">Whether that deadline has passed.</param>
public sealed record CaseOpenItem(string Key, string Kind, string Description, bool BlocksClosure, DateTimeOffset? DueAt = null, bool Overdue = false);

/// <summary>
/// A feature that can hold work open on a case. Each feature implements this and is registered in DI (every
/// implementation in the service's assembly is registered by <c>AddCases</c>); closure asks every source. Strategy
/// actions, therapy referrals and the like plug in by adding a source, without changing closure.
/// </summary>
public interface ICaseOpenItemSource
{
    Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken);
}
