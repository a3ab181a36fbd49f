using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Support.ServiceDefaults.Data;

namespace Support.Registry;

/// <summary>
/// Removes everything one service's database holds about one young person when their retention period ends (REC-04,
/// <c>RecordRetention</c>), written once for every service. The rows about them are those of every entity with a
/// <c>YoungPersonId</c> and of those keyed by the young person (<see cref="KeyedByYoungPersonAttribute"/>), and, with
/// them, every row that depends on one of those through a foreign key (an episode's links, a meeting's actions), so no
/// dependent is left pointing at nothing. They go dependents first, in the caller's transaction, with the append-only
/// tables' one permitted DELETE switched on for that transaction only (<see cref="AppendOnlyTables.ErasureSetting"/>).
/// Rows about several children at once (a strategy meeting of several, an access-log entry, a message in the outbox)
/// and those marked <see cref="KeptAfterRetentionAttribute"/> stay.
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
        foreach (var (table, predicate) in Plan(db.Model))
        {
            // Tables, columns and predicates come from the EF model, never from input; the id is a parameter.
            var sql = $"DELETE FROM {table} WHERE {predicate}";
            var rows = await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("id", youngPersonId)], cancellationToken);
            if (rows > 0)
            {
                removed[table.Replace("\"", "", StringComparison.Ordinal)] = rows;
            }
        }
        const string refuse = $"SELECT set_config('{AppendOnlyTables.ErasureSetting}', '', true)";
        await db.Database.ExecuteSqlRawAsync(refuse, cancellationToken);
        return removed;
    }

    /// <summary>
    /// Each table to erase from (quoted <c>schema.table</c>) with the predicate (on <c>@id</c>) that finds the young
    /// person's rows in it, in an order that deletes every row before any row it points at.
    /// </summary>
    public static IReadOnlyList<(string Table, string Predicate)> Plan(IModel model)
    {
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned() && e.FindOwnership() is null && e.BaseType is null)
            .Where(e => e.ClrType.GetCustomAttribute<KeptAfterRetentionAttribute>() is null)
            .ToList();
        var direct = tables.Where(e => DirectColumn(e) is not null).ToHashSet();
        // Those reached through foreign keys from the young person's rows, however far.
        var erasable = new HashSet<IEntityType>(direct);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var entity in tables.Where(e => !erasable.Contains(e)))
            {
                if (entity.GetForeignKeys().Any(fk => erasable.Contains(fk.PrincipalEntityType)))
                {
                    erasable.Add(entity);
                    grew = true;
                }
            }
        }

        var predicates = new Dictionary<IEntityType, string>();
        string PredicateOf(IEntityType entity, HashSet<IEntityType> path)
        {
            if (predicates.TryGetValue(entity, out var known))
            {
                return known;
            }
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var parts = new List<string>();
            if (DirectColumn(entity) is { } column)
            {
                parts.Add($"\"{entity.FindProperty(column)!.GetColumnName(table)}\" = @id");
            }
            path.Add(entity);
            foreach (var fk in entity.GetForeignKeys().Where(fk => erasable.Contains(fk.PrincipalEntityType) && !path.Contains(fk.PrincipalEntityType)))
            {
                var principal = fk.PrincipalEntityType;
                var principalTable = StoreObjectIdentifier.Table(principal.GetTableName()!, principal.GetSchema());
                var dependentColumns = string.Join(", ", fk.Properties.Select(p => $"\"{p.GetColumnName(table)}\""));
                var principalColumns = string.Join(", ", fk.PrincipalKey.Properties.Select(p => $"\"{p.GetColumnName(principalTable)}\""));
                parts.Add($"({dependentColumns}) IN (SELECT {principalColumns} FROM {Quoted(principal)} WHERE {PredicateOf(principal, path)})");
            }
            path.Remove(entity);
            var predicate = parts.Count == 1 ? parts[0] : $"({string.Join(" OR ", parts)})";
            predicates[entity] = predicate;
            return predicate;
        }

        // Depth-first: a table comes after every erasable table that points at it (its dependents).
        var ordered = new List<(string, string)>();
        var visited = new HashSet<IEntityType>();
        void Visit(IEntityType entity)
        {
            if (!visited.Add(entity))
            {
                return;
            }
            foreach (var dependent in entity.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(erasable.Contains).Distinct())
            {
                Visit(dependent);
            }
            ordered.Add((Quoted(entity), PredicateOf(entity, [])));
        }
        foreach (var entity in erasable.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity);
        }
        return ordered;
    }

    /// <summary>The property naming the young person on a row about them, or null.</summary>
    private static string? DirectColumn(IEntityType entity) =>
        entity.ClrType.GetCustomAttribute<KeyedByYoungPersonAttribute>() is not null ? "Id"
        : entity.FindProperty(Column) is { ClrType: var type } && (type == typeof(Guid) || type == typeof(Guid?)) ? Column
        : null;

    private static string Quoted(IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
}
