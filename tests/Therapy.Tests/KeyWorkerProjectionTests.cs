using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;

namespace Support.Therapy.Tests;

/// <summary>
/// REF-23 seen from Therapy: when a key worker's allocation ends with no successor, tasks stop going to them; the
/// latest change wins whatever order the events arrive in.
/// </summary>
public sealed class KeyWorkerProjectionTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private const string Ended = "tasks.key-worker-allocation-ended";
    private const string Assigned = "tasks.key-worker-assigned";

    private async Task<string?> KeyWorkerOfAsync(Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.KeyWorkers.Where(k => k.YoungPersonId == youngPersonId).Select(k => k.UserId).SingleOrDefaultAsync();
    }

    private static KeyWorkerAllocationEnded End(Guid youngPersonId, string keyWorker, DateTimeOffset at) => new()
    {
        CaseId = Guid.NewGuid(), YoungPersonId = youngPersonId, KeyWorker = keyWorker, RecordedBy = "tm", OccurredAt = at,
    };

    private static KeyWorkerAssigned Assign(Guid youngPersonId, string keyWorker, DateTimeOffset at) => new()
    {
        CaseId = Guid.NewGuid(), YoungPersonId = youngPersonId, KeyWorker = keyWorker, RecordedBy = "tm", OccurredAt = at,
    };

    [Fact]
    public async Task An_ended_allocation_leaves_the_young_person_without_a_key_worker_until_a_later_assignment()
    {
        var child = Guid.NewGuid();
        await fixture.AssignKeyWorkerAsync(child, "kw-leaving");
        await fixture.DeliverAsync(Ended, End(child, "kw-leaving", fixture.Now.AddMinutes(1)));
        Assert.Null(await KeyWorkerOfAsync(child));

        await fixture.DeliverAsync(Assigned, Assign(child, "kw-new", fixture.Now.AddMinutes(2)));
        Assert.Equal("kw-new", await KeyWorkerOfAsync(child));
    }

    [Fact]
    public async Task An_end_arriving_before_an_older_assignment_is_not_undone_by_it()
    {
        var child = Guid.NewGuid();
        await fixture.DeliverAsync(Ended, End(child, "kw-old", fixture.Now.AddMinutes(5)));
        await fixture.DeliverAsync(Assigned, Assign(child, "kw-old", fixture.Now));
        Assert.Null(await KeyWorkerOfAsync(child));
    }
}
