using System.Security.Claims;
using Support.ServiceDefaults.Auth;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Readers of the in-process report benchmarks, with the claims the services' JWT handler would give them (sub, role):
/// a manager's or commissioner's counts come back suppressed, an auditor's exact.
/// </summary>
public static class ReportReaders
{
    public static ClaimsPrincipal As(string role) => new(new ClaimsIdentity(
        [new Claim(SupportAuthentication.SubjectClaim, $"bench-{role.ToLowerInvariant()}"), new Claim(SupportAuthentication.RoleClaim, role)],
        authenticationType: "Bench", nameType: SupportAuthentication.SubjectClaim, roleType: SupportAuthentication.RoleClaim));
}
