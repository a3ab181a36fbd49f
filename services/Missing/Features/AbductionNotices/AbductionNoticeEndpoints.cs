using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.AbductionNotices;

/// <summary>
/// MIS-05: child abduction warning notices, recorded here so episodes can be matched against them. Recording needs
/// police liaison, a social worker or a manager (<see cref="NoticeRecorders"/>); reading needs case staff.
/// </summary>
public static class AbductionNoticeEndpoints
{
    public const string NoticeRecorders = nameof(NoticeRecorders);

    public static readonly string[] RecorderRoles = [Roles.PoliceLiaison, Roles.SocialWorker, Roles.TeamManager, Roles.SeniorManager];

    internal const int MaxItems = 20;

    public sealed record NoticeResponse(
        Guid Id,
        Guid YoungPersonId,
        string SubjectName,
        IReadOnlyList<string> SubjectNicknames,
        IReadOnlyList<string> Addresses,
        IReadOnlyList<string> VehicleRegistrations,
        LondonTime ServedAt,
        LondonTime? ExpiresAt,
        bool IsActive,
        Signature Recorded)
    {
        public static NoticeResponse From(AbductionNotice n, DateTimeOffset now) => new(n.Id, n.YoungPersonId, n.SubjectName,
            n.SubjectNicknames, n.Addresses, n.VehicleRegistrations, LondonTime.Of(n.ServedAt), LondonTime.Of(n.ExpiresAt),
            n.IsActiveAt(now), Signature.Of(n.RecordedAt, n.RecordedBy, n.RecordedByRole));
    }

    public static IEndpointRouteBuilder MapAbductionNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var group = app.MapGroup("/api/missing/abduction-notices").RequireAuthorization(Policies.CaseStaff).WithTags("Abduction notices");
        group.MapPost("/", RecordAbductionNotice.HandleAsync).RequireAuthorization(NoticeRecorders);
        group.MapGet("/", ListAbductionNotices.HandleAsync);
        return app;
    }

    internal static void CheckList(ValidationErrors errors, string field, List<string?>? values, int maxLength, Func<string, bool> usable)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > MaxItems)
        {
            errors.Add(field, $"'{field}' may list at most {MaxItems} items.");
        }
        if (values.Any(v => string.IsNullOrWhiteSpace(v) || !usable(v)))
        {
            errors.Add(field, $"Each item of '{field}' must contain letters or digits.");
        }
        if (values.Any(v => v is not null && v.Length > maxLength))
        {
            errors.Add(field, $"Each item of '{field}' must be at most {maxLength} characters.");
        }
    }

    internal static IReadOnlyList<string> Items(List<string?>? values) => values?.OfType<string>().ToList() ?? [];
}
