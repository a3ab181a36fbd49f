using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Support.ServiceDefaults.Auth;

namespace Support.Gateway;

/// <summary>
/// Sign-in for development and CI only: <c>POST /dev/token</c> signs a token exactly as <c>tools/token</c> does
/// (HS256 with the development key from <c>Auth:SigningKey</c>/<c>Auth:SigningKeyFile</c>, same issuer, audience,
/// claims and 8-hour lifetime), and <c>GET /dev/users</c> lists the demo users the sign-in page offers.
/// Neither route exists outside the Development and Testing environments (404): production signs in through OIDC.
/// <c>GET /auth/config</c> tells the web app which of the two it should use.
/// </summary>
public static partial class DevTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public sealed record DemoUser(string User, string Role, string Description);

    /// <summary>Users the seed data and the journeys are built around (domain brief §1).</summary>
    public static readonly IReadOnlyList<DemoUser> DemoUsers =
    [
        new("demo-socialworker", Roles.SocialWorker, "Social worker, CSE team: find a young person, their record and chronology"),
        new("demo-teammanager", Roles.TeamManager, "Team manager: everything overdue or due today"),
        new("demo-seniormanager", Roles.SeniorManager, "Senior manager: matching assessments waiting for a decision, then everything overdue or due today"),
        new("demo-adviser", Roles.PersonalAdviser, "Leaving-care personal adviser: handover alerts and keeping in touch"),
        new("demo-outreach", Roles.OutreachWorker, "Outreach worker: log a street contact, my young people and referrals"),
        new("demo-duty", Roles.SupportLineOperator, "Support-line duty worker: the duty inbox and danger alerts"),
        new("demo-rhi", Roles.RhiWorker, "Return-home-interview worker"),
        new("demo-police", Roles.PoliceLiaison, "Police liaison"),
        new("demo-carer", Roles.Carer, "Foster carer: the children placed with me, who must not have contact, report contact"),
        new("demo-auditor", Roles.Auditor, "Auditor: subject access requests and disclosure packs, redacted with a reason for each"),
        new("demo-commissioner", Roles.Commissioner, "Commissioner: aggregate reports only, never a child's record"),
        new("demo-youngperson", Roles.YoungPerson, "A young person: ask for what is written about me, and read the answer"),
    ];

    public sealed record TokenRequest(string? Role, string? User);

    public sealed record TokenResponse(string AccessToken, string Role, string User, DateTimeOffset ExpiresAt);

    public sealed record OidcSettings(string Authority, string ClientId, string Scope);

    /// <summary>The hotspot map's tile layer (<c>Web:MapTiles:Url</c>, <c>Web:MapTiles:Attribution</c>); null: a blank layer.</summary>
    public sealed record MapTiles(string Url, string Attribution);

    public sealed record AuthConfig(bool DevelopmentSignIn, OidcSettings? Oidc, MapTiles? MapTiles = null);

    public static bool IsEnabled(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static WebApplication MapSignIn(this WebApplication app)
    {
        var developmentSignIn = IsEnabled(app.Environment);
        app.MapGet("/auth/config", (IConfiguration configuration) =>
        {
            var oidc = configuration.GetSection("Auth:Oidc");
            var settings = string.IsNullOrWhiteSpace(oidc["Authority"]) || string.IsNullOrWhiteSpace(oidc["ClientId"])
                ? null
                : new OidcSettings(oidc["Authority"]!, oidc["ClientId"]!, oidc["Scope"] ?? "openid profile");
            var tiles = WebApp.MapTilesOrigin(configuration) is null
                ? null
                : new MapTiles(configuration["Web:MapTiles:Url"]!, configuration["Web:MapTiles:Attribution"] ?? "");
            return new AuthConfig(developmentSignIn, settings, tiles);
        }).AllowAnonymous();

        if (!developmentSignIn)
        {
            return app;
        }
        app.MapGet("/dev/users", () => DemoUsers).AllowAnonymous();
        app.MapPost("/dev/token", (TokenRequest request, IConfiguration configuration, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (request.Role is null || !Roles.All.Contains(request.Role, StringComparer.Ordinal))
            {
                errors["role"] = ["Unknown role; use a role code from Roles.cs, for example SocialWorker."];
            }
            if (request.User is null || !UserPattern().IsMatch(request.User))
            {
                errors["user"] = ["A user is 1-64 lower-case letters, digits, '.', '_' or '-'."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var now = clock.GetUtcNow();
            var token = Sign(request.Role!, request.User!, now, SupportAuthentication.ReadSigningKey(configuration), configuration);
            return Results.Ok(new TokenResponse(token, request.Role!, request.User!, now + Lifetime));
        }).AllowAnonymous();
        return app;
    }

    public static string Sign(string role, string user, DateTimeOffset now, byte[] key, IConfiguration configuration) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = configuration["Auth:Issuer"] ?? SupportAuthentication.Issuer,
            Audience = configuration["Auth:Audience"] ?? SupportAuthentication.Audience,
            Claims = new Dictionary<string, object>
            {
                [SupportAuthentication.SubjectClaim] = user,
                [SupportAuthentication.NameClaim] = user,
                [SupportAuthentication.RoleClaim] = new[] { role },
                ["jti"] = Guid.NewGuid().ToString(),
            },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex UserPattern();
}
