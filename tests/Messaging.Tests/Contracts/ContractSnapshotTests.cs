using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MassTransit;
using Support.Contracts.Registry;
using Support.Testing;

namespace Support.Messaging.Tests.Contracts;

/// <summary>
/// Pins the wire shape of every message in Support.Contracts (engineering guide §4.3). A failing snapshot means a
/// message already in a queue, or a consumer not yet deployed, may no longer understand what is sent: add only
/// nullable or defaulted properties, and make any other change a new <c>:v2</c> contract.
/// Regenerate snapshots with <c>SUPPORT_UPDATE_SNAPSHOTS=1 dotnet test tests/Messaging.Tests --filter Contract</c>.
/// </summary>
public sealed partial class ContractSnapshotTests
{
    private const string UrnPrefix = "urn:message:";
    private static readonly Assembly ContractAssembly = typeof(YoungPersonRegistered).Assembly;
    private static readonly bool Update = Environment.GetEnvironmentVariable("SUPPORT_UPDATE_SNAPSHOTS") == "1";

    private static readonly JsonSerializerOptions SnapshotFormat = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<Type> Contracts =>
        ContractAssembly.GetExportedTypes().Where(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null).OrderBy(t => t.FullName);

    public static TheoryData<string> ContractNames => [.. Contracts.Select(t => t.FullName!)];

    public static TheoryData<string> SnapshotFiles => [.. PresentSnapshots()];

    /// <summary>Snapshots are copied next to the test assembly; updates are written to the source tree.</summary>
    private static string SnapshotDirectory => Path.Combine(AppContext.BaseDirectory, "Contracts", "Snapshots");

    private static string SourceSnapshotDirectory =>
        Path.Combine(TestEnvironment.RepositoryRoot, "tests", "Messaging.Tests", "Contracts", "Snapshots");

    [Fact]
    public void Every_contract_is_a_sealed_record_with_a_versioned_urn()
    {
        var contracts = Contracts.ToList();
        Assert.NotEmpty(contracts);
        var partTypes = PartTypes(contracts);

        var problems = new List<string>();
        foreach (var type in ContractAssembly.GetExportedTypes().Where(t => !t.IsEnum))
        {
            var urn = type.GetCustomAttribute<MessageUrnAttribute>() is null ? null : MessageTypeRegistry.UrnOf(type);
            if (!type.IsClass || !type.IsSealed || type.GetMethod("<Clone>$") is null)
            {
                problems.Add($"{type.FullName} is not a sealed record.");
            }
            if (urn is null && !partTypes.Contains(type))
            {
                problems.Add($"{type.FullName} has no [MessageUrn] (and is not part of another contract).");
            }
            if (urn is not null && !VersionedUrn().IsMatch(urn))
            {
                problems.Add($"{type.FullName}: URN '{urn}' is not 'support:<context>:<name>:v<n>'.");
            }
            if (type.BaseType is { } baseType && baseType != typeof(object))
            {
                problems.Add($"{type.FullName} inherits from {baseType.Name}: contracts do not inherit.");
            }
        }
        problems.AddRange(contracts.GroupBy(MessageTypeRegistry.UrnOf).Where(g => g.Count() > 1)
            .Select(g => $"URN '{g.Key}' is used by {string.Join(", ", g.Select(t => t.FullName))}."));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Types used inside contracts, at any depth (a meeting's children and each child's actions).</summary>
    private static HashSet<Type> PartTypes(IEnumerable<Type> contracts)
    {
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(contracts);
        while (pending.TryDequeue(out var type))
        {
            var parts = type.GetProperties().Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
                .SelectMany(t => t.IsArray ? [t.GetElementType()!] : t.IsGenericType ? t.GetGenericArguments() : [t])
                .Where(t => t.Assembly == ContractAssembly);
            foreach (var part in parts.Where(found.Add))
            {
                pending.Enqueue(part);
            }
        }
        return found;
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void A_contracts_wire_shape_matches_its_snapshot(string contract)
    {
        var type = ContractAssembly.GetType(contract, throwOnError: true)!;
        var file = SnapshotFileFor(type);
        var actual = JsonNode.Parse(JsonSerializer.Serialize(CanonicalInstance.For(type), type, MessagingJson.Options))!;

        if (Update)
        {
            Directory.CreateDirectory(SourceSnapshotDirectory);
            File.WriteAllText(Path.Combine(SourceSnapshotDirectory, file), actual.ToJsonString(SnapshotFormat) + "\n");
            return;
        }
        var path = Path.Combine(SnapshotDirectory, file);
        Assert.True(File.Exists(path),
            $"{type.FullName} has no snapshot {file}. Create it with SUPPORT_UPDATE_SNAPSHOTS=1 and commit it.");
        var expected = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"""
            The wire shape of {type.FullName} ({MessageTypeRegistry.UrnOf(type)}) changed.
            Snapshot Contracts/Snapshots/{file}:
            {expected.ToJsonString(SnapshotFormat)}
            Now:
            {actual.ToJsonString(SnapshotFormat)}
            Only nullable or defaulted properties may be added to a published contract; renames, removals and type
            changes need a new :v2 contract. If the change is additive, regenerate the snapshot with
            SUPPORT_UPDATE_SNAPSHOTS=1 and commit it.
            """);
    }

    [Theory]
    [MemberData(nameof(SnapshotFiles))]
    public void A_snapshot_still_deserializes_into_its_current_contract(string file)
    {
        var urn = UrnPrefix + Path.GetFileNameWithoutExtension(file).Replace('.', ':');
        var registry = new MessageTypeRegistry([ContractAssembly]);
        Assert.True(registry.TryResolve(urn, out var type),
            $"Snapshot {file} has no contract with URN '{urn}' any more. Messages of that type may still be in queues: "
            + "keep the contract until every producer and queue has moved on.");
        var json = File.ReadAllText(Path.Combine(SnapshotDirectory, file));

        object? message = null;
        var error = Record.Exception(() => message = JsonSerializer.Deserialize(json, type, MessagingJson.Options));

        Assert.True(error is null && message is not null,
            $"Snapshot {file} no longer deserializes into {type.FullName}: {error?.Message ?? "null"}. Messages of the old shape "
            + "may still be in queues; new properties must be nullable or defaulted.");
        // Nothing the old message carried is lost on the way into the current type.
        var snapshot = JsonNode.Parse(json)!.AsObject();
        var roundTripped = JsonNode.Parse(JsonSerializer.Serialize(message, type, MessagingJson.Options))!.AsObject();
        foreach (var (name, value) in snapshot)
        {
            Assert.True(roundTripped.TryGetPropertyValue(name, out var now) && JsonNode.DeepEquals(value, now),
                $"Property '{name}' of snapshot {file} does not survive deserialization into {type.FullName}.");
        }
    }

    [Fact]
    public void Every_contract_has_exactly_one_snapshot()
    {
        var expected = Contracts.Select(SnapshotFileFor).Order().ToList();
        var present = PresentSnapshots();
        Assert.True(Update || expected.SequenceEqual(present),
            $"Snapshots expected: {string.Join(", ", expected)}; present: {string.Join(", ", present)}.");
    }

    private static List<string> PresentSnapshots() => Directory.Exists(SnapshotDirectory)
        ? [.. Directory.GetFiles(SnapshotDirectory, "*.json").Select(f => Path.GetFileName(f)).Order()]
        : [];

    /// <summary>urn:message:support:registry:young-person-registered:v1 → support.registry.young-person-registered.v1.json</summary>
    private static string SnapshotFileFor(Type type) => MessageTypeRegistry.UrnOf(type)[UrnPrefix.Length..].Replace(':', '.') + ".json";

    [GeneratedRegex(@"^urn:message:support:[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*:v[1-9][0-9]*$")]
    private static partial Regex VersionedUrn();
}
