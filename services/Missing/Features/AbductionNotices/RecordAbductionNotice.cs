using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.AbductionNotices;

/// <summary>Records a child abduction warning notice served on an adult, to match episodes against (MIS-05).</summary>
public static class RecordAbductionNotice
{
    public sealed record Request(
        Guid? YoungPersonId,
        string? SubjectName,
        List<string?>? SubjectNicknames,
        List<string?>? Addresses,
        List<string?>? VehicleRegistrations,
        DateTimeOffset? ServedAt,
        DateTimeOffset? ExpiresAt);

    /// <summary>
    /// Missing or malformed fields (a blank or over-long list item, a registration without letters or digits) are a 400;
    /// a young person not in the projection, a notice served in the future or expiring before it was served a 422.
    /// </summary>
    public static async Task<Results<Created<AbductionNoticeEndpoints.NoticeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("subjectName", request.SubjectName, 200)
            .When(!string.IsNullOrWhiteSpace(request.SubjectName) && PatternMatching.Normalise(request.SubjectName).Length == 0,
                "subjectName", "'subjectName' must contain letters or digits.")
            .Required("servedAt", request.ServedAt);
        AbductionNoticeEndpoints.CheckList(errors, "subjectNicknames", request.SubjectNicknames, 100, v => PatternMatching.Normalise(v).Length > 0);
        AbductionNoticeEndpoints.CheckList(errors, "addresses", request.Addresses, 500, v => PatternMatching.Normalise(v).Length > 0);
        AbductionNoticeEndpoints.CheckList(errors, "vehicleRegistrations", request.VehicleRegistrations, 20, v => PatternMatching.CompactRegistration(v).Length >= 2);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock, AbductionNoticeEndpoints.RecorderRoles);
        var details = new AbductionNoticeDetails(request.YoungPersonId!.Value, request.SubjectName!,
            AbductionNoticeEndpoints.Items(request.SubjectNicknames), AbductionNoticeEndpoints.Items(request.Addresses), AbductionNoticeEndpoints.Items(request.VehicleRegistrations),
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
        return TypedResults.Created($"/api/missing/abduction-notices?youngPersonId={notice.YoungPersonId}", AbductionNoticeEndpoints.NoticeResponse.From(notice, author.At));
    }
}
