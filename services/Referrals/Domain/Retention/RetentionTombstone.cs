using Support.Contracts.Registry;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Domain.Retention;

/// <summary>
/// What is left of a young person's records after their retention period ended (REC-04, <c>RecordRetention</c>): which
/// rule applied and to what date, when the job removed them and which pass did it, and, as each service answers, what
/// it removed (<see cref="RetentionTombstoneEntry"/>). No name or date of birth: those are what was removed.
/// </summary>
[KeptAfterRetention("The tombstone says what was removed, when and under which rule")]
public sealed class RetentionTombstone
{
    private RetentionTombstone() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public RetentionRule Rule { get; private init; }
    public DateOnly RetainUntil { get; private init; }
    public DateTimeOffset ErasedAt { get; private init; }
    public Guid RunId { get; private init; }

    public static RetentionTombstone For(Guid youngPersonId, RetentionRule rule, DateOnly retainUntil, RetentionRun run) => new()
    {
        Id = Guid.CreateVersion7(run.StartedAt),
        YoungPersonId = youngPersonId,
        Rule = rule,
        RetainUntil = retainUntil,
        ErasedAt = run.StartedAt,
        RunId = run.Id,
    };
}

/// <summary>One service's answer to a tombstone: the rows it removed from one table.</summary>
public sealed class RetentionTombstoneEntry
{
    private RetentionTombstoneEntry() { }

    public Guid TombstoneId { get; private init; }
    public string Service { get; private init; } = "";
    public string Table { get; private init; } = "";
    public int Rows { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>What a service held and nothing about them: its answer is still recorded, so every service is seen to have answered.</summary>
    public const string NothingHeld = "(nothing held)";

    public static IEnumerable<RetentionTombstoneEntry> From(YoungPersonRecordsErased erased) =>
        (erased.RowsRemoved.Count == 0 ? [new ErasedRows { Table = NothingHeld, Rows = 0 }] : erased.RowsRemoved).Select(r => new RetentionTombstoneEntry
        {
            TombstoneId = erased.TombstoneId, Service = erased.Service, Table = r.Table, Rows = r.Rows, RecordedAt = erased.OccurredAt,
        });
}

/// <summary>
/// One pass of the retention job, the job's own audit (REC-04: "only by a retention job that is itself audited"): when,
/// started by the schedule or by whom, and how many records it found due, removed and kept under a legal hold.
/// </summary>
public sealed class RetentionRun
{
    private RetentionRun() { }

    public Guid Id { get; private init; }
    public DateTimeOffset StartedAt { get; private init; }
    /// <summary><c>retention-job</c> for the schedule, or the user who asked for a pass.</summary>
    public string StartedBy { get; private init; } = "";
    public DateOnly Today { get; private init; }
    public int Erased { get; private set; }
    public int Held { get; private set; }

    public static RetentionRun Start(DateTimeOffset at, DateOnly today, string startedBy) => new()
    {
        Id = Guid.CreateVersion7(at), StartedAt = at, StartedBy = startedBy, Today = today,
    };

    public void Counted(int erased, int held)
    {
        Erased = erased;
        Held = held;
    }
}
