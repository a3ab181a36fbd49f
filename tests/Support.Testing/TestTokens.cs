using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Support.ServiceDefaults.Auth;

namespace Support.Testing;

/// <summary>Signs tokens for tests with a key made for this test process; hosts are given the same key.</summary>
public static class TestTokens
{
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string Create(string role, string? user = null) => Create([role], user ?? $"test-{role.ToLowerInvariant()}");

    public static string Create(IReadOnlyList<string> roles, string user, string? signingKey = null, DateTime? expires = null)
    {
        var claims = new List<Claim> { new(SupportAuthentication.SubjectClaim, user), new(SupportAuthentication.NameClaim, user) };
        claims.AddRange(roles.Select(r => new Claim(SupportAuthentication.RoleClaim, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SupportAuthentication.Issuer,
            Audience = SupportAuthentication.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
