using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Support.ServiceDefaults.Audit;

namespace Support.ServiceDefaults.Access;

/// <summary>
/// Issue 16 item 1 and REC-11 for writes: a partner (a carer, a school safeguarding lead, a health partner: any role
/// the protocol names) adds to a young person's record, through any <c>/young-people/{id}/…</c> operation that changes it, only
/// under the same sharing relationship that lets them read it. Otherwise 403 with <c>refusedBy:
/// information-sharing-protocol</c>, written to the access log as a refusal, before anything is read or stored.
/// Raising a concern never needs a relationship: a referral or a missing report names its young person in the body,
/// and an operation under the route that raises one (a health partner's record of an under-13 pregnancy, THR-08) says
/// so with <see cref="PartnerWrites.RaisesConcern{TBuilder}"/>; neither is held back here (REF-01, MIS-01). Case staff
/// keep today's access. One place for every service.
/// </summary>
public sealed partial class PartnerWriteGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.GetEndpoint() is RouteEndpoint endpoint && YoungPersonRoute().IsMatch(endpoint.RoutePattern.RawText ?? "")
            && endpoint.Metadata.GetMetadata<RaisesConcernMetadata>() is null
            && context.Request.RouteValues["id"] is string raw && Guid.TryParse(raw, out var youngPersonId)
            && context.RequestServices.GetService<InformationSharingProtocol>()?.TermsFor(context.User) is not null
            && context.RequestServices.GetService<IAccessLog>() is { } accessLog)
        {
            await accessLog.EnsureMayReadAsync(AccessSubjects.YoungPerson, [youngPersonId], context.RequestAborted);
        }
        await next(context);
    }

    [GeneratedRegex(@"/young-people/\{id(:guid)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex YoungPersonRoute();
}

/// <summary>Marks an operation under <c>/young-people/{id}/…</c> that raises a concern, which anyone in its roles may do.</summary>
public sealed class RaisesConcernMetadata;

public static class PartnerWrites
{
    /// <summary>
    /// This operation raises a concern about the young person (REF-01): a partner in its roles may do it for any young
    /// person, related to them or not, as they may make a referral. Say why where it is used.
    /// </summary>
    public static TBuilder RaisesConcern<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RaisesConcernMetadata());
}
