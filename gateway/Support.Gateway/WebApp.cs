using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace Support.Gateway;

/// <summary>
/// Serves the single-page web app (built by Vite from <c>gateway/web</c> into <c>wwwroot</c>) and sets the browser
/// security headers on every response the gateway sends, the proxied APIs included.
/// Caching: Vite names every asset by its content hash, so <c>/assets/*</c> may be kept for a year; <c>index.html</c>
/// names the current hashes, so it is revalidated on every load (<c>no-cache</c>) and a deployment is seen at once.
/// </summary>
public static class WebApp
{
    public const string ImmutableAssets = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    /// <summary>Paths the app never answers with index.html: an unknown API route must stay a 404, not a page.</summary>
    private static readonly string[] ServerPaths = ["/api", "/health", "/dev", "/auth", "/openapi"];

    /// <summary>
    /// Routes answered with a page of their own instead of index.html: the same app, with the screen drawn by the page
    /// before the app's script arrives. <c>/outreach</c>: the street contact form, usable on a first visit over slow 3G
    /// (issue 14, gateway/web/outreach.html).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OwnPages =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["/outreach"] = "outreach.html" };

    /// <summary>
    /// No inline script or style except the exact blocks the app's own pages carry (allowed by their SHA-256, see
    /// <see cref="InlineHashes"/>), nothing from another origin except the configured sign-in provider, and no framing
    /// (clickjacking). <c>Auth:Oidc:Authority</c> is added to <c>connect-src</c> so the browser may fetch its
    /// discovery document and token endpoint; the origin of <c>Web:MapTiles:Url</c>, when a council configures a tile
    /// server for the hotspot map, is added to <c>img-src</c>. Without it the map draws its markers on a blank layer.
    /// </summary>
    public static string ContentSecurityPolicy(IConfiguration configuration, InlineBlocks inline)
    {
        var connect = "'self'";
        if (Uri.TryCreate(configuration["Auth:Oidc:Authority"], UriKind.Absolute, out var authority))
        {
            connect += " " + authority.GetLeftPart(UriPartial.Authority);
        }
        var images = "'self' data:";
        if (MapTilesOrigin(configuration) is { } tiles)
        {
            images += " " + tiles;
        }
        return $"default-src 'self'; script-src 'self'{inline.Scripts}; style-src 'self'{inline.Styles}; img-src {images}; font-src 'self'; " +
               $"connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The origin of the configured map tile server (a template such as <c>https://tiles.example/{z}/{x}/{y}.png</c>), or null.</summary>
    public static string? MapTilesOrigin(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Web:MapTiles:Url"]?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var url)
        && url.Scheme is "https" or "http"
            ? url.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>The CSP sources (<c> 'sha256-…'</c>, each with a leading space) of the inline scripts and styles in the app's pages.</summary>
    public sealed record InlineBlocks(string Scripts, string Styles);

    private static readonly Regex InlineScript = new("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex InlineStyle = new("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Hashes every inline <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> block of the HTML pages at the web root, as
    /// built: the policy allows those bytes and nothing else inline, so an injected script still does not run.
    /// </summary>
    public static InlineBlocks InlineHashes(IFileProvider webRoot)
    {
        var scripts = new SortedSet<string>(StringComparer.Ordinal);
        var styles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in webRoot.GetDirectoryContents("").Where(f => !f.IsDirectory && f.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            var html = reader.ReadToEnd();
            scripts.UnionWith(InlineScript.Matches(html).Select(m => Sha256Source(m.Groups[1].Value)));
            styles.UnionWith(InlineStyle.Matches(html).Select(m => Sha256Source(m.Groups[1].Value)));
        }
        return new InlineBlocks(string.Concat(scripts.Select(s => " " + s)), string.Concat(styles.Select(s => " " + s)));
    }

    private static string Sha256Source(string block) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block)))}'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var csp = ContentSecurityPolicy(app.Configuration, InlineHashes(app.Environment.WebRootFileProvider));
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The app's own files go compressed (Brotli, else gzip): on a phone with a poor signal the initial JavaScript is a
    /// third of its size (docs/benchmarks.md, slow 3G). Only the app's static types are compressed, never an API
    /// answer: a compressed response that reflects input next to a secret is what BREACH reads, and JSON is never listed.
    /// </summary>
    public static readonly string[] CompressedTypes =
        ["text/html", "text/javascript", "application/javascript", "text/css", "image/svg+xml", "application/manifest+json"];

    public static IServiceCollection AddWebAppCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });

    /// <summary>Static files, public: served before the authorization middleware's authenticated-by-default policy.</summary>
    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? ImmutableAssets : Revalidate;
            },
        });
        // An asset that is not there (an old hash after a deployment) is a plain 404, not a sign-in challenge.
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/assets") && context.GetEndpoint() is null
            ? Results.NotFound().ExecuteAsync(context)
            : next(context));
        return app;
    }

    /// <summary>
    /// Client-side routes (<c>/young-people/…</c>, <c>/dashboard</c>) are answered with index.html (or the route's page in
    /// <see cref="OwnPages"/>) so a reload or a shared link works; never under <see cref="ServerPaths"/>, and never for a path that looks like a file.
    /// </summary>
    public static WebApplication MapWebAppFallback(this WebApplication app)
    {
        // The default pattern {*path:nonfile} leaves paths that look like files to the static file middleware: WebApplication
        // matches endpoints before that middleware runs, and it steps aside for any request that matched one.
        app.MapFallback((HttpContext context, IWebHostEnvironment environment) =>
        {
            var path = context.Request.Path;
            var page = OwnPages.TryGetValue(path.Value?.TrimEnd('/') ?? "", out var own) ? own : "index.html";
            var index = environment.WebRootFileProvider.GetFileInfo(page);
            if (ServerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || !index.Exists)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = Revalidate;
            return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
