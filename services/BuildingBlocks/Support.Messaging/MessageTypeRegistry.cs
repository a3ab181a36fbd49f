using System.Reflection;
using MassTransit;

namespace Support.Messaging;

/// <summary>Maps contract URNs to CLR types so outbox rows survive a type being moved or renamed.</summary>
public sealed class MessageTypeRegistry
{
    private readonly Dictionary<string, Type> _byUrn = new(StringComparer.Ordinal);

    public MessageTypeRegistry(IEnumerable<Assembly> contractAssemblies)
    {
        foreach (var type in contractAssemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.GetCustomAttribute<MessageUrnAttribute>() is not null)
            {
                _byUrn[UrnOf(type)] = type;
            }
        }
    }

    public static string UrnOf(Type type) => MessageUrn.ForTypeString(type);

    public bool TryResolve(string urn, out Type type) => _byUrn.TryGetValue(urn, out type!);

    /// <summary>True when <paramref name="type"/> carries <c>[MessageUrn]</c> and is the type registered under it.</summary>
    public bool IsRegistered(Type type) =>
        type.GetCustomAttribute<MessageUrnAttribute>() is not null && _byUrn.TryGetValue(UrnOf(type), out var registered) && registered == type;

    public IReadOnlyCollection<Type> Types => _byUrn.Values;
}
