using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>Tokens as an attacker or a careless issuer makes them, each wrong in exactly one way.</summary>
public static class Tokens
{
    public static string Make(
        string[] roles, string? subject = "hardening-user", DateTime? expires = null, string issuer = SupportAuthentication.Issuer,
        string audience = SupportAuthentication.Audience, string? signingKey = null)
    {
        var claims = new Dictionary<string, object> { [SupportAuthentication.RoleClaim] = roles };
        if (subject is not null)
        {
            claims[SupportAuthentication.SubjectClaim] = subject;
        }
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = DateTime.UtcNow.AddMinutes(-5) < exp ? DateTime.UtcNow.AddMinutes(-5) : exp.AddHours(-1),
            IssuedAt = DateTime.UtcNow.AddMinutes(-5) < exp ? DateTime.UtcNow.AddMinutes(-5) : exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? TestTokens.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) claiming every role.</summary>
    public static string Unsigned(string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SupportAuthentication.Issuer,
            Audience = SupportAuthentication.Audience,
            Claims = new Dictionary<string, object> { [SupportAuthentication.RoleClaim] = roles, [SupportAuthentication.SubjectClaim] = "intruder" },
            Expires = DateTime.UtcNow.AddHours(1),
        });

    public static string OtherKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Each way a token must be refused with 401, named for the failure message.</summary>
    public static IReadOnlyList<(string Case, string? Token)> Refused(string role) =>
    [
        ("no token", null),
        ("another key", Make([role], signingKey: OtherKey())),
        ("alg none", Unsigned([role])),
        ("expired", Make([role], expires: DateTime.UtcNow.AddMinutes(-10))),
        ("wrong issuer", Make([role], issuer: "someone-else")),
        ("wrong audience", Make([role], audience: "someone-else")),
        ("no sub", Make([role], subject: null)),
        ("sub over 200 characters", Make([role], subject: new string('s', 201))),
        ("100-year lifetime", Make([role], expires: DateTime.UtcNow.AddYears(100))),
    ];
}
