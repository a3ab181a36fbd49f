using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Audit;
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

    private const int MaxItems = 20;

    public sealed record Request(
        Guid? YoungPersonId,
        string? SubjectName,
        List<string?>? SubjectNicknames,
        List<string?>? Addresses,
        List<string?>? VehicleRegistrations,
        DateTimeOffset? ServedAt,
        DateTimeOffset? ExpiresAt);

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
        group.MapPost("/", RecordAsync).RequireAuthorization(NoticeRecorders);
        group.MapGet("/", ListAsync);
        return app;
    }

    /// <summary>
    /// Missing or malformed fields (a blank or over-long list item, a registration without letters or digits) are a 400;
    /// a young person not in the projection, a notice served in the future or expiring before it was served a 422.
    /// </summary>
    public static async Task<Results<Created<NoticeResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Request request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("subjectName", request.SubjectName, 200)
            .When(!string.IsNullOrWhiteSpace(request.SubjectName) && PatternMatching.Normalise(request.SubjectName).Length == 0,
                "subjectName", "'subjectName' must contain letters or digits.")
            .Required("servedAt", request.ServedAt);
        CheckList(errors, "subjectNicknames", request.SubjectNicknames, 100, v => PatternMatching.Normalise(v).Length > 0);
        CheckList(errors, "addresses", request.Addresses, 500, v => PatternMatching.Normalise(v).Length > 0);
        CheckList(errors, "vehicleRegistrations", request.VehicleRegistrations, 20, v => PatternMatching.CompactRegistration(v).Length >= 2);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock, RecorderRoles);
        var details = new AbductionNoticeDetails(request.YoungPersonId!.Value, request.SubjectName!,
            Items(request.SubjectNicknames), Items(request.Addresses), Items(request.VehicleRegistrations),
            request.ServedAt!.Value, request.ExpiresAt);
        foreach (var violation in AbductionNotice.Check(details, author.At))
        {
            errors.Add(violation.Field, violation.Message);
        }
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == details.YoungPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is known to the Missing service; register them in Referrals first.");
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var notice = AbductionNotice.Record(details, author);
        db.AbductionNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/missing/abduction-notices?youngPersonId={notice.YoungPersonId}", NoticeResponse.From(notice, author.At));
    }

    /// <summary>A young person's notices, latest served first, active or not. Audited as a read (REC-08).</summary>
    public static async Task<Results<Ok<IReadOnlyList<NoticeResponse>>, ValidationProblem>> ListAsync(
        Guid? youngPersonId, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (youngPersonId is null || youngPersonId == Guid.Empty)
        {
            return new ValidationErrors().Add("youngPersonId", "'youngPersonId' is required.").ToBadRequest();
        }
        var notices = await db.AbductionNotices.AsNoTracking()
            .Where(n => n.YoungPersonId == youngPersonId)
            .OrderByDescending(n => n.ServedAt).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
        if (notices.Count > 0 || await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [youngPersonId.Value], AccessActions.Read, cancellationToken);
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<NoticeResponse>>(notices.Select(n => NoticeResponse.From(n, now)).ToList());
    }

    private static void CheckList(ValidationErrors errors, string field, List<string?>? values, int maxLength, Func<string, bool> usable)
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

    private static IReadOnlyList<string> Items(List<string?>? values) => values?.OfType<string>().ToList() ?? [];
}
