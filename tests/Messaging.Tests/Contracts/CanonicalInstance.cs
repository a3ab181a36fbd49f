using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Support.Messaging.Tests.Contracts;

/// <summary>
/// Builds one fixed, fully populated instance of a contract: every property gets a value (optional ones too, so the
/// snapshot shows their shape), and the same contract always gets the same values, so its JSON is stable.
/// </summary>
public static class CanonicalInstance
{
    public static object For(Type type) => Build(type, type.Name, depth: 0);

    private static object Build(Type type, string path, int depth)
    {
        if (depth > 5)
        {
            throw new NotSupportedException($"{path}: contracts nest deeper than 5 levels (or recursively); give CanonicalInstance an explicit value.");
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"{type} has no public constructor.");
        var arguments = constructor.GetParameters().Select(p => ValueFor(p.ParameterType, $"{path}.{p.Name}", depth)).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(instance, ValueFor(property.PropertyType, $"{path}.{property.Name}", depth));
            }
        }
        return instance;
    }

    private static object? ValueFor(Type type, string path, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.Length > 0 ? values.GetValue(values.Length - 1) : throw new NotSupportedException($"{path}: enum {underlying} has no values.");
        }
        object? scalar = underlying switch
        {
            _ when underlying == typeof(string) => path[(path.LastIndexOf('.') + 1)..],
            _ when underlying == typeof(Guid) => DeterministicGuid(path),
            _ when underlying == typeof(int) => 42,
            _ when underlying == typeof(long) => 4_200_000_000L,
            _ when underlying == typeof(short) => (short)42,
            _ when underlying == typeof(decimal) => 1234.56m,
            _ when underlying == typeof(double) => 12.5d,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateOnly) => new DateOnly(2010, 4, 1),
            _ when underlying == typeof(TimeOnly) => new TimeOnly(14, 30),
            _ when underlying == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero),
            _ when underlying == typeof(DateTime) => new DateTime(2026, 11, 25, 14, 30, 0, DateTimeKind.Utc),
            _ when underlying == typeof(TimeSpan) => TimeSpan.FromMinutes(90),
            _ => null,
        };
        if (scalar is not null)
        {
            return scalar;
        }
        if (underlying.IsArray)
        {
            var array = Array.CreateInstance(underlying.GetElementType()!, 1);
            array.SetValue(ValueFor(underlying.GetElementType()!, path + "[0]", depth + 1), 0);
            return array;
        }
        if (underlying.IsGenericType && underlying.GetGenericArguments() is [var element]
            && underlying.IsAssignableFrom(typeof(List<>).MakeGenericType(element)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(ValueFor(element, path + "[0]", depth + 1));
            return list;
        }
        if (underlying.IsClass && underlying.Assembly == typeof(Support.Contracts.Registry.YoungPersonRegistered).Assembly)
        {
            return Build(underlying, path, depth + 1);
        }
        throw new NotSupportedException($"{path}: no canonical value for {type}; add one to {nameof(CanonicalInstance)}.");
    }

    private static Guid DeterministicGuid(string path) => new(SHA256.HashData(Encoding.UTF8.GetBytes(path))[..16]);
}
