using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Features.Episodes;

public static class EpisodeEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapEpisodeEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var group = app.MapGroup("/api/missing/episodes").RequireAuthorization(Policies.CaseStaff).WithTags("Missing episodes");
        group.MapPost("/", ReportMissingEpisode.HandleAsync);
        group.MapGet("/", ListEpisodes.HandleAsync);
        group.MapGet("/{id:guid}", GetEpisode.HandleAsync);
        group.MapPost("/{id:guid}/return", RecordReturn.HandleAsync);
        return app;
    }
}
