namespace Support.Referrals.Domain.Chronology;

/// <summary>
/// The end of one young person's chain: the last sequence number and hash. Appending locks this row
/// (<c>SELECT ... FOR UPDATE</c>) so two consumers writing about the same young person at once take turns and the
/// chain never forks (REC-04). It is a mutable pointer, not a record: the entries themselves are append-only, and
/// verification compares the two, so a deleted last entry is noticed too.
/// </summary>
public sealed class ChronologyHead
{
    private ChronologyHead() { }

    public Guid YoungPersonId { get; private init; }
    public int LastSequence { get; private set; }
    public string LastHash { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Advance(ChronologyEntry entry)
    {
        if (entry.YoungPersonId != YoungPersonId || entry.Sequence != LastSequence + 1 || entry.PreviousHash != LastHash)
        {
            throw new InvalidOperationException("An entry must follow the chain head it was made from.");
        }
        LastSequence = entry.Sequence;
        LastHash = entry.Hash;
        UpdatedAt = entry.RecordedAt;
    }
}
