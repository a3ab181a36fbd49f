using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// Production authentication: tokens from a configured OpenID Connect authority, whose discovery document and JWKS
/// this test serves itself on a loopback port. The gateway runs in the Production environment, where the development
/// key is refused.
/// </summary>
public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _unpublished = RSA.Create(2048);
    private WebApplication _authority = null!;
    private string _issuer = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _authority = builder.Build();
        _authority.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _issuer,
            ["jwks_uri"] = _issuer + ".well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
        }));
        _authority.MapGet("/.well-known/jwks.json", () =>
        {
            var rsa = _rsa.ExportParameters(false);
            var ec = _ec.ExportParameters(false);
            return Results.Json(new
            {
                keys = new object[]
                {
                    new { kty = "RSA", use = "sig", kid = "rsa-1", alg = "RS256", n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
                    new { kty = "EC", use = "sig", kid = "ec-1", alg = "ES256", crv = "P-256", x = Base64UrlEncoder.Encode(ec.Q.X), y = Base64UrlEncoder.Encode(ec.Q.Y) },
                },
            });
        });
        await _authority.StartAsync();
        _issuer = _authority.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        await _authority.DisposeAsync();
        _rsa.Dispose();
        _ec.Dispose();
        _unpublished.Dispose();
    }

    private GatewayHost Gateway() => new(new Dictionary<string, string?>
    {
        ["Auth:Oidc:Authority"] = _issuer,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
    }, environment: "Production");

    private string Sign(SigningCredentials credentials, string? issuer = null, string audience = SupportAuthentication.Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? _issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "oidc-social-worker", ["role"] = new[] { "SocialWorker" } },
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = credentials,
        });

    private SigningCredentials Rs256 => new(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256);
    private SigningCredentials Es256 => new(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha256);

    private static async Task<HttpStatusCode> CallAsync(GatewayHost gateway, string? token)
    {
        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/referrals/young-people?name=x", "203.0.113.9", token);
        return response.StatusCode;
    }

    [Fact]
    public async Task Tokens_signed_by_the_authority_with_RS256_or_ES256_are_accepted()
    {
        await using var gateway = Gateway();

        // 503: authenticated and authorized, then proxied to a service that is not there (the gateway's answer for a service down).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await CallAsync(gateway, Sign(Rs256)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await CallAsync(gateway, Sign(Es256)));
    }

    [Fact]
    public async Task Tokens_with_the_wrong_issuer_audience_or_an_unpublished_key_are_401()
    {
        await using var gateway = Gateway();
        var unpublished = new SigningCredentials(new RsaSecurityKey(_unpublished) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, Sign(Rs256, issuer: "https://elsewhere.example/")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, Sign(Rs256, audience: "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, Sign(unpublished)));
    }

    [Fact]
    public async Task With_an_authority_configured_the_development_key_signs_nothing()
    {
        await using var gateway = Gateway();
        var development = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = SupportAuthentication.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "forger", ["role"] = new[] { "SocialWorker" } },
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.SigningKey)), SecurityAlgorithms.HmacSha256),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, development));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, null));
    }
}
