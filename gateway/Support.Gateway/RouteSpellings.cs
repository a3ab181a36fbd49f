namespace Support.Gateway;

/// <summary>
/// One spelling per service route: LeavingCare is <c>/api/leavingcare/...</c>, like every other service's route (the
/// service key, as <c>/api/supportline</c>). Issue 5 spelled it <c>/api/leaving-care/...</c>, so that spelling is kept
/// only as a permanent redirect (308, which keeps the method and body) to the same path and query under the canonical
/// prefix. The redirect itself needs no token: it reveals nothing, and the canonical route then asks for one.
/// </summary>
public static class RouteSpellings
{
    public const string LeavingCare = "/api/leavingcare";
    public const string LeavingCareRedirected = "/api/leaving-care";

    public static IEndpointRouteBuilder MapRouteSpellingRedirects(this IEndpointRouteBuilder app)
    {
        app.Map(LeavingCareRedirected + "/{**rest}", (HttpContext context) =>
            {
                var rest = context.Request.Path.Value![LeavingCareRedirected.Length..];
                var location = LeavingCare + rest + context.Request.QueryString;
                return TypedResults.Redirect(location, permanent: true, preserveMethod: true);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
