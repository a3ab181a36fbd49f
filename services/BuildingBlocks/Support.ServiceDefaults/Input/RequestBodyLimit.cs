using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Support.ServiceDefaults.Input;

/// <summary>
/// Refuses a body larger than its endpoint allows before anything reads it: a declared <c>Content-Length</c> over
/// the limit is a 413 ProblemDetails at once, and a chunked body is cut off by Kestrel at the same limit (the
/// endpoint's <see cref="IRequestSizeLimitMetadata"/>, e.g. 64 KB for webhooks, or the server default of
/// <see cref="Extensions.DefaultMaxRequestBodyBytes"/>). Sixteen 29 MB posts once held 900 MB in a service.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<KestrelServerOptions> kestrel)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? kestrel.Value.Limits.MaxRequestBodySize;
        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // After the answer Kestrel drains an unread body up to the request's current limit and reuses the
                // connection; past it, it drops the connection. Routing has already set that limit to the
                // endpoint's (64 KB, say), so a 100 KB post to such an endpoint would break the connection the
                // gateway forwarded it on (its next request a 502): allow the drain up to the server's limit.
                var serverLimit = kestrel.Value.Limits.MaxRequestBodySize;
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } drain)
                {
                    drain.MaxRequestBodySize = serverLimit;
                }
                if (context.Request.ContentLength > serverLimit)
                {
                    // Beyond the server's limit the body is never drained: say the connection ends, or a client
                    // reuses it and its next request fails with the connection reset (RFC 9112 §9.6).
                    context.Response.Headers.Connection = "close";
                }
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The request body is too large.",
                    detail: $"This endpoint accepts bodies of at most {max} bytes.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }
        }
        await next(context);
    }
}
