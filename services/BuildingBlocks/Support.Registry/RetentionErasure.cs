using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Support.ServiceDefaults.Data;

namespace Support.Registry;

/// <summary>
/// Removes everything one service's database holds about one young person when their retention period ends (REC-04,
/// <c>RecordRetention</c>), written once for every service: each table whose entity has a <c>YoungPersonId</c> (and the
/// service's copy of the young person itself) loses that young person's rows, dependents before the rows they point at,
/// in the caller's transaction, with the append-only tables' one permitted DELETE switched on for that transaction only
/// (<see cref="AppendOnlyTables.ErasureSetting"/>). Rows that belong to other children as well (a strategy meeting of
/// several, an access-log entry, a message in the outbox) are not the young person's to remove and stay.
/// </summary>
public static class RetentionErasure
{
    private const string Column = "YoungPersonId";

    /// <summary>Rows removed per table (<c>schema.table</c>), those with none left out.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> EraseAsync(DbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Retention erasure runs in the caller's transaction, with its tombstone or its answer.");
        }
        const string allow = $"SELECT set_config('{AppendOnlyTables.ErasureSetting}', '{AppendOnlyTables.ErasureValue}', true)";
        await db.Database.ExecuteSqlRawAsync(allow, cancellationToken);
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (entity, column) in TablesInDeletionOrder(db.Model))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
            var columnName = entity.FindProperty(column)!.GetColumnName(table)!;
            // Table and column come from the EF model, never from input; the id is a parameter.
            var sql = $"DELETE FROM {name} WHERE \"{columnName}\" = @id";
            var rows = await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("id", youngPersonId)], cancellationToken);
            if (rows > 0)
            {
                removed[$"{entity.GetSchema()}.{table.Name}"] = rows;
            }
        }
        const string refuse = $"SELECT set_config('{AppendOnlyTables.ErasureSetting}', '', true)";
        await db.Database.ExecuteSqlRawAsync(refuse, cancellationToken);
        return removed;
    }

    /// <summary>
    /// The tables to erase from and the property naming the young person: every entity with a <c>YoungPersonId</c> not
    /// marked <see cref="KeptAfterRetentionAttribute"/>, and those keyed by the young person's own id
    /// (<see cref="KeyedByYoungPersonAttribute"/>: the registry, a service's copy of it), in an
    /// order that deletes a row before any row it points at.
    /// </summary>
    public static IReadOnlyList<(IEntityType Entity, string Property)> TablesInDeletionOrder(IModel model)
    {
        var selected = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned() && e.FindOwnership() is null && e.BaseType is null)
            .Where(e => e.ClrType.GetCustomAttribute<KeptAfterRetentionAttribute>() is null)
            .Select(e => (Entity: e, Property: e.ClrType.GetCustomAttribute<KeyedByYoungPersonAttribute>() is not null ? "Id"
                : e.FindProperty(Column) is { ClrType: var type } && (type == typeof(Guid) || type == typeof(Guid?)) ? Column : null))
            .Where(x => x.Property is not null)
            .Select(x => (x.Entity, Property: x.Property!))
            .ToList();
        var set = selected.Select(x => x.Entity).ToHashSet();
        // Depth-first: a table comes after every selected table that points at it (its dependents) have been listed.
        var ordered = new List<(IEntityType, string)>();
        var visited = new HashSet<IEntityType>();
        void Visit(IEntityType entity, string property)
        {
            if (!visited.Add(entity))
            {
                return;
            }
            foreach (var dependent in entity.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(set.Contains).Distinct())
            {
                Visit(dependent, selected.First(x => x.Entity == dependent).Property);
            }
            ordered.Add((entity, property));
        }
        foreach (var (entity, property) in selected.OrderBy(x => x.Entity.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity, property);
        }
        return ordered;
    }
}
