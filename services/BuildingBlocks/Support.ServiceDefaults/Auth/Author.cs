using System.Security.Claims;

namespace Support.ServiceDefaults.Auth;

/// <summary>Who wrote a record and when, taken from the token and the server clock, never from the request (REC-01).</summary>
public sealed record Author(string UserId, string Role, DateTimeOffset At)
{
    /// <summary>The signature on records a service writes on its own or another service's behalf (a command, a trigger).</summary>
    public static Author Service(string name, DateTimeOffset at) => new(name, "Service", at);
}

public static class AuthorExtensions
{
    /// <summary>
    /// The signature on a record: the token's subject, the role they acted in, and the server's clock (REC-01). The
    /// role is the first of <paramref name="actingAs"/> the user holds (a manager's sign-off is signed as a manager
    /// even if they also hold another role), else their first case-staff role.
    /// </summary>
    public static Author ToAuthor(this ClaimsPrincipal user, TimeProvider clock, IReadOnlyList<string>? actingAs = null)
    {
        var roles = user.RoleCodes();
        var role = actingAs?.FirstOrDefault(roles.Contains) ?? roles.FirstOrDefault(r => Roles.CaseStaff.Contains(r)) ?? "";
        return new Author(user.UserId(), role, clock.GetUtcNow());
    }
}
