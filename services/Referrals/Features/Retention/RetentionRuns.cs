using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Retention;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Retention;

/// <summary>The retention job's passes: one started by hand (recorded with who asked), and the list of every pass.</summary>
public static class RetentionRuns
{
    public const int Limit = 200;

    public static async Task<Ok<RetentionRunResponse>> StartAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IOptions<RetentionOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (run, _) = await RetentionPass.RunAsync(db, outbox, options.Value, clock.GetUtcNow(), user.UserId(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(RetentionRunResponse.From(run));
    }

    public static async Task<Ok<IReadOnlyList<RetentionRunResponse>>> ListAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var runs = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RetentionRunResponse>>([.. runs.Select(RetentionRunResponse.From)]);
    }
}

/// <summary>What the retention job removed: newest first, or one young person's (no name: their records are gone).</summary>
public static class Tombstones
{
    public static async Task<Ok<IReadOnlyList<TombstoneResponse>>> ListAsync(Guid? youngPersonId, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Set<RetentionTombstone>().AsNoTracking();
        if (youngPersonId is { } id)
        {
            query = query.Where(t => t.YoungPersonId == id);
        }
        var tombstones = await query.OrderByDescending(t => t.ErasedAt).ThenByDescending(t => t.Id).Take(RetentionRuns.Limit).ToListAsync(cancellationToken);
        var ids = tombstones.Select(t => t.Id).ToList();
        var entries = (await db.Set<RetentionTombstoneEntry>().AsNoTracking().Where(e => ids.Contains(e.TombstoneId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.TombstoneId);
        return TypedResults.Ok<IReadOnlyList<TombstoneResponse>>([.. tombstones.Select(t => TombstoneResponse.From(t, entries[t.Id]))]);
    }
}
