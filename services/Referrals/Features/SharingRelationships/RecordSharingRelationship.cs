using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.SharingRelationships;

/// <summary>
/// Records that a partner is related to a young person: a placement with a carer, a pupil of a school, or an explicit
/// grant that must lapse (REC-11). Signed by the server (REC-01) and announced to every service.
/// </summary>
public static class RecordSharingRelationship
{
    /// <param name="UserId">The partner's user id (their token's subject).</param>
    /// <param name="Kind">Placement, School or Grant; ReferralMade and AssessmentInvitation are recorded by the service when a partner refers or is invited to contribute.</param>
    /// <param name="ValidFrom">When it starts; now if absent. At most a year either side of now.</param>
    /// <param name="ValidUntil">When it lapses; required for a grant, at most a year after it starts.</param>
    /// <param name="Reason">Why: the placement, the school, the need for the grant.</param>
    public sealed record Request(string? UserId, SharingRelationshipKind? Kind, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, string? Reason);

    public static async Task<Results<Created<SharingRelationshipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("userId", request.UserId?.Trim(), SharingRelationshipRules.UserIdMaxLength)
            .Required("kind", request.Kind)
            .When(request.Kind is { } kind && !Enum.IsDefined(kind), "kind",
                $"'kind' must be one of {string.Join(", ", Enum.GetNames<SharingRelationshipKind>())}.")
            .Required("reason", request.Reason?.Trim(), SharingRelationshipRules.ReasonMaxLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var now = clock.GetUtcNow();
        var from = request.ValidFrom ?? now;
        var kindGiven = request.Kind!.Value;
        errors
            .When(kindGiven == SharingRelationshipKind.ReferralMade, "kind",
                "'ReferralMade' is recorded by the service when a partner makes a referral; record a Grant instead.")
            .When(kindGiven == SharingRelationshipKind.AssessmentInvitation, "kind",
                "'AssessmentInvitation' is recorded by the service when a partner is invited to contribute to an assessment; record a Grant instead.")
            .When(from < now.AddYears(-1) || from > now.AddYears(1), "validFrom", "'validFrom' must be within a year of now.")
            .When(request.ValidUntil is { } until && until <= from, "validUntil", "'validUntil' must be after 'validFrom'.")
            .When(request.ValidUntil is { } end && end < now, "validUntil", "'validUntil' must not be in the past.")
            .When(kindGiven == SharingRelationshipKind.Grant && request.ValidUntil is null, "validUntil", "A grant must have 'validUntil'.")
            .When(request.ValidUntil is { } limit && limit - from > SharingRelationshipRules.MaxGrant && kindGiven == SharingRelationshipKind.Grant,
                "validUntil", "A grant may run for at most a year; record it again when it lapses.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var author = user.ToAuthor(clock);
        var relationship = SharingRelationship.Record(
            id, request.UserId!.Trim(), kindGiven, from, request.ValidUntil, request.Reason!.Trim(), author.UserId, author.At);
        db.Set<SharingRelationship>().Add(relationship);
        outbox.Add(SharingRelationshipRules.Recorded(relationship, author.Role));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/referrals/young-people/{id}/sharing-relationships", SharingRelationshipResponse.From(relationship, author.At));
    }
}
