using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Operations;

namespace Support.Messaging.Outbox;

/// <summary>
/// The operator's view of outbox rows set aside as dead (<see cref="OutboxRelay{TContext}"/>): list them (type,
/// attempts, error; never the payload, which can hold personal data) and re-queue one or all once the cause is fixed
/// (a contract assembly deployed, a consumer's bug fixed).
/// <list type="bullet">
/// <item><c>GET /ops/outbox/dead</c></item>
/// <item><c>POST /ops/outbox/dead/{id}/requeue</c>: 204, or 404 when no dead row has that id</item>
/// <item><c>POST /ops/outbox/dead/requeue</c>: every dead row; answers how many</item>
/// </list>
/// </summary>
public sealed class OutboxOperations<TContext>(TContext db, TimeProvider clock) where TContext : DbContext
{
    public sealed record DeadMessage(Guid Id, string MessageType, int Attempts, string? LastError, DateTimeOffset OccurredAt, DateTimeOffset DeadAt);

    public sealed record Requeued(int Count);

    public async Task<IReadOnlyList<DeadMessage>> DeadAsync(CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>().AsNoTracking()
            .Where(r => r.SentAt == null && r.DeadAt != null)
            .OrderBy(r => r.Sequence)
            .Select(r => new DeadMessage(r.Id, r.MessageType, r.Attempts, r.LastError, r.OccurredAt, r.DeadAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Makes dead rows (one, or all when <paramref name="id"/> is null) pending again, due now, with a fresh count.</summary>
    public async Task<int> RequeueAsync(Guid? id, CancellationToken cancellationToken)
    {
        var rows = await db.Set<OutboxMessage>()
            .Where(r => r.SentAt == null && r.DeadAt != null && (id == null || r.Id == id))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            row.Requeue(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    internal sealed class Endpoints : IOperatorEndpoints
    {
        public void Map(IEndpointRouteBuilder endpoints)
        {
            var ops = endpoints.MapGroup("/ops/outbox").RequireAuthorization(Policies.Operators).WithTags("Operations").ExcludeFromDescription();
            ops.MapGet("/dead", (OutboxOperations<TContext> outbox, CancellationToken ct) => outbox.DeadAsync(ct));
            ops.MapPost("/dead/{id:guid}/requeue", async Task<Results<NoContent, NotFound>> (Guid id, OutboxOperations<TContext> outbox, CancellationToken ct) =>
                await outbox.RequeueAsync(id, ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent());
            ops.MapPost("/dead/requeue", async (OutboxOperations<TContext> outbox, CancellationToken ct) =>
                TypedResults.Ok(new Requeued(await outbox.RequeueAsync(null, ct))));
        }
    }
}
