using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Support.ServiceDefaults.Audit;

public static class ReadAuditEndpointExtensions
{
    /// <summary>
    /// Every successful read through this endpoint is written to the access log (REC-08) before the response is
    /// sent, keyed by the route value <paramref name="routeValue"/>. If the audit write fails, the read fails.
    /// </summary>
    public static TBuilder AuditsReadOf<TBuilder>(this TBuilder builder, string subjectType, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var succeeded = result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } || result is IValueHttpResult and not IStatusCodeHttpResult;
            if (succeeded && Guid.TryParse(context.HttpContext.GetRouteValue(routeValue)?.ToString(), out var subjectId))
            {
                var log = context.HttpContext.RequestServices.GetRequiredService<IAccessLog>();
                await log.RecordAsync(subjectType, [subjectId], AccessActions.Read, context.HttpContext.RequestAborted);
            }
            return result;
        });
}
