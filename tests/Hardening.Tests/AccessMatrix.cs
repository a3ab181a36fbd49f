using System.Text.RegularExpressions;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>One row of <c>docs/access-matrix.md</c>: the roles that may call an operation.</summary>
public sealed record AccessRule(string Method, string Template, IReadOnlySet<string> Roles, bool Anonymous, bool PerRecord)
{
    public string Key => AccessMatrix.Key(Method, Template);
}

/// <summary>
/// The declared access matrix (issue 17, suite 2), read from the one file README links to. Group names in a row stand
/// for the roles the file's "Role groups" table lists, so the file says everything without reading the code.
/// </summary>
public static partial class AccessMatrix
{
    public const string RelativePath = "docs/access-matrix.md";
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyDictionary<string, AccessRule> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(TestEnvironment.RepositoryRoot, RelativePath));
        var groups = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var rules = new Dictionary<string, AccessRule>(StringComparer.Ordinal);
        var inGroups = false;
        foreach (var line in lines)
        {
            if (line.StartsWith('#'))
            {
                inGroups = line.Trim() == "## Role groups";
                continue;
            }
            if (!line.StartsWith('|'))
            {
                continue;
            }
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (inGroups && cells.Length >= 2 && cells[0] is not "Group" && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                groups[cells[0]] = Names(cells[1]).Select(role => Roles.All.Contains(role)
                    ? role
                    : throw new InvalidOperationException($"{RelativePath}: group {cells[0]} names '{role}', which is not in Roles.All.")).ToHashSet();
            }
            else if (cells.Length >= 4 && Methods.Contains(cells[0]))
            {
                var names = Names(cells[2]).ToList();
                var anonymous = names is ["Anonymous"];
                var roles = anonymous ? new HashSet<string>(Roles.All) : names.SelectMany(name => Expand(groups, name, cells[0] + " " + cells[1])).ToHashSet();
                var rule = new AccessRule(cells[0], cells[1], roles, anonymous, cells[3].StartsWith("yes", StringComparison.Ordinal));
                if (!rules.TryAdd(rule.Key, rule))
                {
                    throw new InvalidOperationException($"{RelativePath}: {rule.Method} {rule.Template} is listed twice.");
                }
            }
        }
        return rules;
    }

    /// <summary>Method and template as compared: route constraints and a trailing slash left out.</summary>
    public static string Key(string method, string template)
    {
        var path = Constraint().Replace(template, "{$1}");
        return $"{method.ToUpperInvariant()} {(path.Length > 1 ? path.TrimEnd('/') : path)}";
    }

    private static IEnumerable<string> Expand(Dictionary<string, IReadOnlySet<string>> groups, string name, string row) =>
        groups.TryGetValue(name, out var members) ? members
        : Roles.All.Contains(name) ? [name]
        : throw new InvalidOperationException($"{RelativePath}: {row} names '{name}', neither a role nor a group.");

    private static IEnumerable<string> Names(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("{([^}:?]+)[^}]*}")]
    private static partial Regex Constraint();
}
