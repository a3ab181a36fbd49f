using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Support.ServiceDefaults.Problems;

namespace Support.ServiceDefaults.Input;

/// <summary>
/// The edge check for everything that is not a JSON body (<see cref="StrictJson"/> covers those): query strings,
/// route values and form fields. Control characters anywhere are a 400 naming the field; so are enum values that are
/// not a defined name (minimal APIs would bind <c>?level=999</c> through <c>Enum.TryParse</c>), dates outside
/// <see cref="InputRules"/>' range, and values their parameter's type cannot parse (<c>?dateOfBirth=yesterday</c>).
/// The last is checked here because the endpoints' binding code is generated at compile time (the Request Delegate
/// Generator), which answers an unparseable value of an optional parameter with a bare 400 that names nothing. It runs
/// after authorization, so an anonymous caller learns nothing but 401.
/// </summary>
public sealed class RequestInputGuard(RequestDelegate next)
{
    private sealed record CheckedParameter(string Name, bool FromRoute, Type Type);

    private static readonly ConcurrentDictionary<MethodInfo, CheckedParameter[]> Parameters = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new ValidationErrors();
        foreach (var (key, values) in context.Request.Query)
        {
            if (InputRules.HasControlCharacter(key) || values.Any(v => v is not null && InputRules.HasControlCharacter(v)))
            {
                errors.Add(Printable(key), "Control characters are not allowed.");
            }
        }
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && InputRules.HasControlCharacter(text))
            {
                errors.Add(key, "Control characters are not allowed.");
            }
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            foreach (var parameter in Parameters.GetOrAdd(handler, Describe))
            {
                var values = parameter.FromRoute
                    ? context.Request.RouteValues.TryGetValue(parameter.Name, out var routeValue) && routeValue is string r ? [r] : []
                    : context.Request.Query.TryGetValue(parameter.Name, out var queryValues) ? queryValues.ToArray() : [];
                foreach (var value in values)
                {
                    if (!string.IsNullOrEmpty(value) && Refusal(parameter.Type, value) is { } message)
                    {
                        errors.Add(parameter.Name, message);
                    }
                }
            }
        }
        if (context.Request.HasFormContentType && !errors.Any)
        {
            // Buffered and rewound: a handler may read the raw body itself (the Twilio webhooks verify a signature).
            context.Request.EnableBuffering();
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // Too many fields, a key or value over the form limits, a malformed multipart body.
                await errors.Add("body", "The form could not be read.").ToBadRequest().ExecuteAsync(context);
                return;
            }
            context.Request.Body.Position = 0;
            foreach (var (key, values) in form)
            {
                if (InputRules.HasControlCharacter(key) || values.Any(v => v is not null && InputRules.HasControlCharacter(v)))
                {
                    errors.Add(Printable(key), "Control characters are not allowed.");
                }
            }
        }
        if (errors.Any)
        {
            await errors.ToBadRequest().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>A field name with control characters is itself named without them.</summary>
    private static string Printable(string key) =>
        new(key.Select(c => InputRules.HasControlCharacter([c]) ? '?' : c).ToArray());

    private static string? Refusal(Type type, string value)
    {
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return names.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"Expected one of: {string.Join(", ", names)}.";
        }
        // The binders allow white space around a value, so the check does too.
        if (Parse(type, value.Trim()) is not { } parsed)
        {
            return InputRules.UnreadableValueMessage;
        }
        return parsed switch
        {
            DateOnly date when !InputRules.InRange(date) => InputRules.DateRangeMessage,
            DateTimeOffset instant when !InputRules.InRange(instant) => InputRules.DateRangeMessage,
            DateTime instant when !InputRules.InRange(instant) => InputRules.DateRangeMessage,
            _ => null,
        };
    }

    /// <summary>
    /// The value parsed as the binders parse it (<c>TryParse(string, IFormatProvider, out T)</c> with the invariant
    /// culture where the type has it, else <c>TryParse(string, out T)</c>), or null.
    /// </summary>
    private static object? Parse(Type type, string value)
    {
        var (tryParse, takesProvider) = TryParseMethods.GetOrAdd(type, ParseMethodOf)!.Value;
        object?[] arguments = takesProvider ? [value, CultureInfo.InvariantCulture, null] : [value, null];
        return (bool)tryParse.Invoke(null, arguments)! ? arguments[^1] : null;
    }

    /// <summary>Each type's TryParse, found once: this runs for every parsable parameter of every request.</summary>
    private static readonly ConcurrentDictionary<Type, (MethodInfo Method, bool TakesProvider)?> TryParseMethods = new();

    private static (MethodInfo, bool)? ParseMethodOf(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is { } withProvider
            ? (withProvider, true)
            : type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is { } plain
                ? (plain, false)
                : null;

    private static CheckedParameter[] Describe(MethodInfo handler)
    {
        var found = new List<CheckedParameter>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Add(found, property.Name, property.PropertyType, property.GetCustomAttributes(true));
                }
                continue;
            }
            Add(found, parameter.Name ?? "", parameter.ParameterType, parameter.GetCustomAttributes(true));
        }
        return [.. found];
    }

    private static void Add(List<CheckedParameter> found, string name, Type type, object[] attributes)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        // Enums, and value types that bind through TryParse (dates, numbers, booleans, Guids); strings need no parsing,
        // and services and bodies are not bound from the query.
        if (!element.IsEnum && !(element.IsValueType && TryParseMethods.GetOrAdd(element, ParseMethodOf) is not null))
        {
            return;
        }
        if (attributes.OfType<IFromBodyMetadata>().Any() || attributes.OfType<IFromHeaderMetadata>().Any())
        {
            return;
        }
        if (attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route)
        {
            found.Add(new CheckedParameter(route.Name ?? name, FromRoute: true, element));
            return;
        }
        var queryName = attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? name;
        // Without an attribute a simple parameter binds from the route when the template has it, else the query.
        found.Add(new CheckedParameter(queryName, FromRoute: false, element));
        found.Add(new CheckedParameter(queryName, FromRoute: true, element));
    }
}
