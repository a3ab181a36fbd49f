using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Support.ServiceDefaults.Audit;

public static class ReadAuditEndpointExtensions
{
    /// <summary>
    /// Every successful read through this endpoint is written to the access log (REC-08) before the response is
    /// sent, keyed by the route value <paramref name="routeValue"/>. If the audit write fails, the read fails. A
    /// partner's read of a young person they have no sharing relationship to is refused first (IAccessLog).
    /// </summary>
    public static TBuilder AuditsReadOf<TBuilder>(this TBuilder builder, string subjectType, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            // A partner's read is decided before the handler runs (REC-11): an unknown id is refused like an unrelated
            // one, so a 403 says nothing about whether the young person exists.
            if (Guid.TryParse(context.HttpContext.GetRouteValue(routeValue)?.ToString(), out var requested))
            {
                await context.HttpContext.RequestServices.GetRequiredService<IAccessLog>()
                    .EnsureMayReadAsync(subjectType, [requested], context.HttpContext.RequestAborted);
            }
            var result = await next(context);
            // Typed unions (Results<Ok<T>, NotFound>) wrap the result that was actually chosen.
            var chosen = result;
            while (chosen is INestedHttpResult nested)
            {
                chosen = nested.Result;
            }
            var succeeded = chosen is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
            if (succeeded && Guid.TryParse(context.HttpContext.GetRouteValue(routeValue)?.ToString(), out var subjectId))
            {
                var log = context.HttpContext.RequestServices.GetRequiredService<IAccessLog>();
                await log.RecordAsync(subjectType, [subjectId], AccessActions.Read, context.HttpContext.RequestAborted);
            }
            return result;
        });
}
