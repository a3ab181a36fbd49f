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
