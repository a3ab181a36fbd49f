using System.Globalization;
using System.Text.RegularExpressions;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Therapy.Features;

/// <summary>
/// The request checks every Therapy endpoint shares: text without control characters, enums by name only, instants with
/// an offset or as London wall-clock time, dates as yyyy-MM-dd, all range-checked. Each failure names its field.
/// </summary>
internal static partial class Input
{
    /// <summary>Request bodies are small: the longest field is 4,000 characters.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>A clock on a phone may run a little ahead of ours; more than this is in the future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Nothing recorded here happened before the platform's earliest historic records.</summary>
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    public static ValidationErrors Text(this ValidationErrors errors, string field, string? value, int maxLength, bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? errors.Add(field, $"'{field}' is required.") : errors;
        }
        errors.MaxLength(field, value, maxLength);
        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(field, $"'{field}' contains control characters.");
        }
        return errors;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An enum given by its name (case-insensitive), never by number.</summary>
    public static TEnum? Named<TEnum>(this ValidationErrors errors, string field, string? value, bool required = false) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(field, $"'{field}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return null;
        }
        return Enum.Parse<TEnum>(match);
    }

    /// <summary>An instant with an offset, or London wall-clock time without one; not in the future, not before 1990.</summary>
    public static DateTimeOffset? Instant(this ValidationErrors errors, string field, string? value, DateTimeOffset now, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        DateTimeOffset? parsed = null;
        var match = InstantPattern().Match(value.Trim());
        if (match.Success)
        {
            var text = match.Groups["local"].Value;
            if (match.Groups["offset"].Success)
            {
                if (DateTimeOffset.TryParse(text + match.Groups["offset"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                {
                    parsed = withOffset.ToUniversalTime();
                }
            }
            else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                parsed = London.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }
        }
        if (parsed is null)
        {
            errors.Add(field, $"'{field}' must be a date and time such as 2026-12-04T10:00 (London time) or 2026-12-04T10:00:00Z.");
            return null;
        }
        if (parsed > now + ClockSkew)
        {
            errors.Add(field, $"'{field}' cannot be in the future.");
            return null;
        }
        if (London.DateOf(parsed.Value) < Earliest)
        {
            errors.Add(field, $"'{field}' cannot be before {Earliest:yyyy-MM-dd}.");
            return null;
        }
        return parsed;
    }

    /// <summary>A date as yyyy-MM-dd, between 1990 and 2100.</summary>
    public static DateOnly? Date(this ValidationErrors errors, string field, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"'{field}' must be a date such as 2026-04-01.");
            return null;
        }
        if (date < Earliest || date > new DateOnly(2100, 12, 31))
        {
            errors.Add(field, $"'{field}' must be between {Earliest:yyyy-MM-dd} and 2100-12-31.");
            return null;
        }
        return date;
    }

    public static ValidationErrors Id(this ValidationErrors errors, string field, Guid? value, bool required = true) =>
        value is null ? (required ? errors.Add(field, $"'{field}' is required.") : errors)
        : value == Guid.Empty ? errors.Add(field, $"'{field}' is not a valid id.")
        : errors;

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
