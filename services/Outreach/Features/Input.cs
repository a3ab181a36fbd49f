using System.Globalization;
using System.Text.RegularExpressions;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features;

/// <summary>
/// The request checks every Outreach endpoint shares: text without control characters, enums by name only, instants
/// given with an offset or as London wall-clock time, and the Idempotency-Key header. Each failure names its field.
/// </summary>
internal static partial class Input
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>Request bodies are small: a contact's notes are at most 4,000 characters.</summary>
    public const long MaxBodyBytes = 32 * 1024;

    /// <summary>Checks a text field: required or optional, at most <paramref name="maxLength"/>, no control characters (line breaks allowed when <paramref name="multiline"/>).</summary>
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

    /// <summary>Trims, and turns blank into null.</summary>
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

    /// <summary>
    /// An instant as a worker's phone sends it: with an offset ("2026-12-04T22:10:00Z", "+01:00") or as London wall-clock
    /// time without one ("2026-12-04T22:10"), read through the time-zone database (clock changes included).
    /// </summary>
    public static DateTimeOffset? Instant(this ValidationErrors errors, string field, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        var match = InstantPattern().Match(value.Trim());
        if (match.Success)
        {
            var text = match.Groups["local"].Value;
            if (match.Groups["offset"].Success)
            {
                if (DateTimeOffset.TryParse(text + match.Groups["offset"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                {
                    return withOffset.ToUniversalTime();
                }
            }
            else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return London.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }
        }
        errors.Add(field, $"'{field}' must be a date and time such as 2026-12-04T22:10 (London time) or 2026-12-04T22:10:00Z.");
        return null;
    }

    /// <summary>The Idempotency-Key header, if sent: at most 100 printable characters.</summary>
    public static string? IdempotencyKey(this ValidationErrors errors, HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            return null;
        }
        var key = values.ToString().Trim();
        if (key.Length == 0 || key.Length > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            errors.Add(IdempotencyKeyHeader, $"'{IdempotencyKeyHeader}' must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters.");
            return null;
        }
        return key;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
