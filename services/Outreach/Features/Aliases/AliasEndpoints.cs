using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Aliases;

public static class AliasEndpoints
{
    public static IEndpointRouteBuilder MapAliasEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var aliases = app.MapGroup("/api/outreach/aliases").RequireAuthorization(Policies.CaseStaff).WithTags("Aliases")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        aliases.MapPost("/", RecordAlias.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("RecordAlias").WithSummary("Record a young person known only by a street name (OUT-02)");
        aliases.MapGet("/", SearchAliases.HandleAsync)
            .WithName("SearchAliases").WithSummary("Aliases whose name contains 'name', matched or not (OUT-02)");
        aliases.MapGet("/{id:guid}", GetAlias.HandleAsync)
            .WithName("GetAlias").WithSummary("An alias, its contacts and its match");
        aliases.MapGet("/{id:guid}/match-suggestions", SuggestMatches.HandleAsync)
            .WithName("SuggestAliasMatches").WithSummary("Registered young people this alias might be, by name and age band, for a worker to confirm");
        aliases.MapPost("/{id:guid}/match", MatchAlias.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("MatchAlias").WithSummary("Confirm the alias is a registered young person, with a reason (OUT-02)");
        app.MapGet("/api/outreach/my/aliases", MyAliases.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Aliases")
            .WithName("MyAliases").WithSummary("The aliases I recorded, newest first, with their match (OUT-02)");
        return app;
    }
}
