namespace Support.Referrals.Domain.Chronology;

/// <summary>What a check of one young person's chain found: intact, or the first broken sequence number and why.</summary>
public sealed record ChronologyVerification(bool Intact, int Entries, int LastSequence, int? FirstBrokenSequence, string? Problem)
{
    /// <summary>
    /// Walks the entries in sequence order (REC-04, REC-05): every number from 1 must be present, each entry must name
    /// the previous entry's hash, and each stored hash must match the entry's content recomputed now. The head must
    /// agree with the last entry, so a deleted last entry is also caught.
    /// </summary>
    public static ChronologyVerification Check(IReadOnlyList<ChronologyEntry> entriesInSequence, ChronologyHead? head)
    {
        var count = entriesInSequence.Count;
        var lastPresent = count == 0 ? 0 : entriesInSequence[^1].Sequence;
        ChronologyVerification Broken(int sequence, string problem) => new(false, count, lastPresent, sequence, problem);

        var previousHash = ChronologyEntry.ChainStart;
        var expected = 1;
        foreach (var entry in entriesInSequence)
        {
            if (entry.Sequence != expected)
            {
                return Broken(expected, expected == 1
                    ? $"entry {expected} is missing: the chain starts at entry {entry.Sequence}"
                    : $"entry {expected} is missing: entry {expected - 1} is followed by entry {entry.Sequence}");
            }
            if (entry.PreviousHash != previousHash)
            {
                return Broken(expected,
                    $"entry {expected} does not follow entry {expected - 1}: the previous hash it records differs from that entry's hash");
            }
            if (entry.ComputeHash() != entry.Hash)
            {
                return Broken(expected, $"entry {expected} was altered: its content no longer matches its hash");
            }
            previousHash = entry.Hash;
            expected++;
        }
        var last = expected - 1;
        if (head is null)
        {
            return last == 0
                ? new ChronologyVerification(true, 0, 0, null, null)
                : Broken(1, "the chain's head is missing");
        }
        if (head.LastSequence > last)
        {
            return Broken(last + 1, $"entry {last + 1} is missing: the chain's head records {head.LastSequence} entries but the last present is {last}");
        }
        if (head.LastSequence != last || head.LastHash != previousHash)
        {
            return Broken(Math.Max(last, 1), $"entry {last} does not match the chain's head (sequence {head.LastSequence})");
        }
        return new ChronologyVerification(true, count, last, null, null);
    }
}
