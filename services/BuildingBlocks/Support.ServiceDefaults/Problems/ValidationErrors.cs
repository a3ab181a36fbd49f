using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Support.ServiceDefaults.Problems;

/// <summary>
/// Collects field errors for a request and turns them into a ProblemDetails response that names each field. Use
/// 400 for missing or malformed input and 422 (<see cref="ToUnprocessable"/>) for well-formed input that breaks a rule.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"'{field}' is required.");
        }
        return MaxLength(field, value, maxLength);
    }

    public ValidationErrors Required<T>(string field, T? value) where T : struct =>
        value is null ? Add(field, $"'{field}' is required.") : this;

    public ValidationErrors MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }
        return this;
    }

    public ValidationErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>
    /// The items of a list that are present: JSON may put <c>null</c> where an object belongs, which the declared
    /// element type cannot stop. Each null item is an error naming it (<c>field[i]</c>); the rest are returned with
    /// their original index, so the caller checks them without a null dereference (a 500).
    /// </summary>
    public IEnumerable<(T Item, int Index)> Present<T>(string field, IReadOnlyList<T?>? items) where T : class
    {
        var present = new List<(T, int)>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
            {
                present.Add((item, i));
            }
            else
            {
                Add($"{field}[{i}]", $"'{field}[{i}]' must not be null.");
            }
        }
        return present;
    }

    public ValidationProblem ToBadRequest() =>
        TypedResults.ValidationProblem(ToDictionary(), title: "The request is not valid.");

    public ProblemHttpResult ToUnprocessable() =>
        TypedResults.Problem(new HttpValidationProblemDetails(ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request breaks a rule.",
        });
}
