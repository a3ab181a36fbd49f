namespace Support.Outreach.Domain;

// OUT-08: the hotspot report's read model. These rows are derived from the append-only contacts and alias matches and
// are never a record of anything, so unlike the records they are updated and deleted (by
// Features.Reports.HotspotCounting, in the transaction of the write that changes them, and by
// Features.Reports.HotspotCountUpkeep) and can always be rebuilt from the records (the HotspotReadModel migration
// does exactly that).
//
// "A young person" is the report's young person: a registered young person's id (contacts logged against them, and
// contacts under an alias matched to them), or an unmatched alias's id. A contact counts at a location record (not a
// free-text place), in the London calendar month it happened, unless another contact corrects it.
//
// Distinct young people do not add up across months, so each row also says in which earlier month the same young
// person was last counted (at that place, or anywhere): over a period starting in month F, a young person is counted
// once, in the first month of the period they were seen, the one row whose previous month is before F. Summing rows
// grouped by (month, previous month) then gives every distinct total of any period without reading a single young
// person's row.

/// <summary>One young person counted at one place in one London month, with how many counted contacts and concerns.</summary>
public sealed class HotspotVisit
{
    private HotspotVisit() { }

    public Guid YoungPersonKey { get; private init; }
    public Guid LocationId { get; private init; }
    /// <summary>The first day of the London calendar month.</summary>
    public DateOnly Month { get; private init; }
    /// <summary>The last earlier month this young person was counted at this place; <see cref="DateOnly.MinValue"/> ('-infinity') if none.</summary>
    public DateOnly PreviousMonth { get; private init; }
    public int Contacts { get; private init; }
    public int Concerns { get; private init; }
}

/// <summary>
/// A change to the count of the <see cref="HotspotVisit"/>s of one place and month that share a previous month. The
/// count is the sum of its key's rows: writes only insert them, and compaction folds them into one.
/// </summary>
public sealed class HotspotVisitCount
{
    private HotspotVisitCount() { }

    public DateOnly Month { get; private init; }
    public Guid LocationId { get; private init; }
    public DateOnly PreviousMonth { get; private init; }
    public int YoungPeople { get; private init; }
    public int Contacts { get; private init; }
    public int Concerns { get; private init; }
}

/// <summary>One young person counted anywhere in one London month (for the month totals, which count each young person once across places).</summary>
public sealed class HotspotYoungPersonMonth
{
    private HotspotYoungPersonMonth() { }

    public Guid YoungPersonKey { get; private init; }
    public DateOnly Month { get; private init; }
    /// <summary>The last earlier month this young person was counted anywhere; <see cref="DateOnly.MinValue"/> ('-infinity') if none.</summary>
    public DateOnly PreviousMonth { get; private init; }
}

/// <summary>
/// A change to the count of the <see cref="HotspotYoungPersonMonth"/>s of one month that share a previous month; the
/// count is the sum of its key's rows, as for <see cref="HotspotVisitCount"/>.
/// </summary>
public sealed class HotspotYoungPersonMonthCount
{
    private HotspotYoungPersonMonthCount() { }

    public DateOnly Month { get; private init; }
    public DateOnly PreviousMonth { get; private init; }
    public int YoungPeople { get; private init; }
}

/// <summary>
/// A young person (and the alias, for a contact or match under one) whose hotspot rows must be recounted: written in
/// the transaction of the contact, correction or match, taken and recounted by <c>HotspotCounting.CatchUpAsync</c>.
/// </summary>
public sealed class HotspotRecountDue
{
    private HotspotRecountDue() { }

    public HotspotRecountDue(Guid? youngPersonId, Guid? aliasId) => (YoungPersonId, AliasId) = (youngPersonId, aliasId);

    public long Id { get; private init; }
    public Guid? YoungPersonId { get; private init; }
    public Guid? AliasId { get; private init; }
}
