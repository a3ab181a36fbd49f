using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// The closure of a case: a closure summary and a team manager's rationale (REF-25), and the explicit decision on each
/// item that needed one (such as an 18th birthday within 6 months). Append-only; one per case. A police "no further
/// action" never closes a case by itself: closure is always this social-care decision (REF-09).
/// </summary>
public sealed class CaseClosure
{
    private readonly List<CaseClosureDecision> _decisions = [];

    private CaseClosure() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public string Summary { get; private init; } = "";
    public string Rationale { get; private init; } = "";
    public DateTimeOffset ClosedAt { get; private init; }
    public string ApprovedBy { get; private init; } = "";
    public string ApprovedByRole { get; private init; } = "";

    public IReadOnlyList<CaseClosureDecision> Decisions => _decisions;

    /// <summary>
    /// Closes <paramref name="case"/>. Refused while any item still blocks closure, or while an item that needs a
    /// decision has none; the exception's <see cref="CaseClosureRefusedException.Items"/> lists each.
    /// </summary>
    public static CaseClosure Close(
        Case @case, string summary, string rationale, IReadOnlyList<CaseOpenItem> openItems,
        IReadOnlyDictionary<string, string> decisions, Author author)
    {
        @case.EnsureOpen("close");
        var outstanding = openItems
            .Where(i => i.BlocksClosure || !decisions.TryGetValue(i.Key, out var d) || string.IsNullOrWhiteSpace(d))
            .ToList();
        if (outstanding.Count > 0)
        {
            throw new CaseClosureRefusedException(outstanding);
        }
        var closure = new CaseClosure
        {
            Id = Guid.CreateVersion7(author.At),
            CaseId = @case.Id,
            Summary = summary,
            Rationale = rationale,
            ClosedAt = author.At,
            ApprovedBy = author.UserId,
            ApprovedByRole = author.Role,
        };
        foreach (var item in openItems)
        {
            closure._decisions.Add(new CaseClosureDecision
            {
                Id = Guid.CreateVersion7(author.At),
                ClosureId = closure.Id,
                ItemKey = item.Key,
                ItemKind = item.Kind,
                Decision = decisions[item.Key].Trim(),
            });
        }
        @case.Close(author.At);
        return closure;
    }
}

/// <summary>The explicit decision on one item listed at closure. Append-only.</summary>
public sealed class CaseClosureDecision
{
    public Guid Id { get; init; }
    public Guid ClosureId { get; init; }
    public string ItemKey { get; init; } = "";
    public string ItemKind { get; init; } = "";
    public string Decision { get; init; } = "";
}

public sealed class CaseClosureRefusedException(IReadOnlyList<CaseOpenItem> items)
    : Exception("The case cannot be closed while items are open or undecided.")
{
    public IReadOnlyList<CaseOpenItem> Items { get; } = items;
}
