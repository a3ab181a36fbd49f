using System.Security.Claims;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.YoungPeople;

internal static class AuthorExtensions
{
    /// <summary>The signature on a record: the token's subject and role, and the server's clock (REC-01).</summary>
    public static Author ToAuthor(this ClaimsPrincipal user, TimeProvider clock) =>
        new(user.UserId(), user.RoleCodes().FirstOrDefault(r => Roles.CaseStaff.Contains(r)) ?? "", clock.GetUtcNow());
}
