using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Referrals;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.SharingRelationships;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// A referral at the front door, for a registered young person or with their details inline (registered here, or
/// matched to the person already registered with the same name and date of birth). Priority and deadline come from
/// the content and the young person's history only (REF-01, REF-04, REF-20).
/// </summary>
public static class ReceiveReferral
{
    public sealed record Request(
        Guid? YoungPersonId,
        PersonDetailsInput? YoungPerson,
        ReferrerRole? ReferrerRole,
        string? ReferrerOrganisation,
        Guid? SupportLineConversationId,
        CseType? CseType,
        bool? AdultInvolved,
        IReadOnlyList<RiskIndicator>? RiskIndicators,
        bool? SexualActivity,
        bool? DisclosureOfAssault,
        DateTimeOffset? OccurredAt,
        string? Narrative);

    public static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IAccessLog accessLog, TimeProvider clock,
        IOptions<FrontDoorOptions> frontDoor, InformationSharingProtocol protocol, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null && request.YoungPerson is null, "youngPersonId", "Give 'youngPersonId' or the young person's details in 'youngPerson'.")
            .When(request.YoungPersonId is not null && request.YoungPerson is not null, "youngPersonId", "Give 'youngPersonId' or 'youngPerson', not both.")
            .Required("referrerRole", request.ReferrerRole)
            .MaxLength("referrerOrganisation", request.ReferrerOrganisation, 200)
            .When(request.SupportLineConversationId == Guid.Empty, "supportLineConversationId", "'supportLineConversationId' is not a conversation id.")
            .Required("cseType", request.CseType)
            .Required("adultInvolved", request.AdultInvolved)
            .Required("occurredAt", request.OccurredAt)
            .Required("narrative", request.Narrative, 8000)
            .When(request.RiskIndicators?.Any(i => !Enum.IsDefined(i)) == true, "riskIndicators", "Unknown risk indicator.");
        var inline = request.YoungPerson is { } input && request.YoungPersonId is null
            ? PersonDetailsValidation.Validate(input, errors)
            : null;
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock);
        var content = new ReferralContent(
            request.CseType!.Value, request.AdultInvolved!.Value, request.RiskIndicators ?? [], request.SexualActivity ?? false,
            request.DisclosureOfAssault ?? false, request.OccurredAt!.Value, request.Narrative!);
        errors.Add(Referral.Check(content, author.At));
        if (inline is not null)
        {
            PersonDetailsValidation.CheckRules(inline, DateOnly.FromDateTime(author.At.UtcDateTime), errors);
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        // Find or register the young person.
        YoungPersonLink link;
        DateOnly dateOfBirth;
        if (inline is null)
        {
            var details = await CurrentDetails(db).SingleOrDefaultAsync(d => d.YoungPersonId == request.YoungPersonId, cancellationToken);
            if (details is null)
            {
                return errors.Add("youngPersonId", "No young person is registered with this id.").ToUnprocessable();
            }
            link = new YoungPersonLink(details.YoungPersonId, false, false, []);
            dateOfBirth = details.DateOfBirth;
        }
        else
        {
            var given = inline.GivenName.Trim().ToLower();
            var family = inline.FamilyName.Trim().ToLower();
            var matches = await CurrentDetails(db)
                .Where(d => d.DateOfBirth == inline.DateOfBirth && d.GivenName.ToLower() == given && d.FamilyName.ToLower() == family)
                .Select(d => d.YoungPersonId)
                .ToListAsync(cancellationToken);
            if (matches.Count > 1)
            {
                if (!await accessLog.TryRecordAsync(YoungPeopleEndpoints.SubjectType, matches, AccessActions.SearchMatch, cancellationToken))
                {
                    // A partner may not see who the candidates are (REC-11), so cannot choose: the duty team can.
                    return TypedResults.Problem(
                        title: "Several registered young people have this name and date of birth.",
                        detail: "Call the front door (duty team): they will confirm who this is and take the referral, or record a grant so you can.",
                        statusCode: StatusCodes.Status409Conflict);
                }
                return TypedResults.Problem(
                    title: "Several registered young people have this name and date of birth.",
                    detail: "Choose the right one and send its 'youngPersonId'.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["candidates"] = matches });
            }
            if (matches.Count == 1)
            {
                link = new YoungPersonLink(matches[0], false, true, ["name", "dateOfBirth"]);
            }
            else
            {
                var person = YoungPerson.Register(inline, author);
                db.YoungPeople.Add(person);
                outbox.Add(RegistryEvents.Registered(person, author.At));
                link = new YoungPersonLink(person.Id, true, false, []);
            }
            dateOfBirth = inline.DateOfBirth;
        }
        if (London.DateOf(content.ConcernOccurredAt) < dateOfBirth)
        {
            return errors.Add("occurredAt", "'occurredAt' is before the young person's date of birth.").ToUnprocessable();
        }

        // REF-20: earlier referrals of the same young person, and how many in the last 12 months.
        var earlier = await db.Referrals.AsNoTracking().Include(r => r.Decisions)
            .Where(r => r.YoungPersonId == link.Id)
            .ToListAsync(cancellationToken);
        var windowStart = author.At.AddMonths(-ReferralPriorities.ReReferralWindowMonths);
        var inWindow = earlier.Count(r => r.ReceivedAt >= windowStart);

        var referral = Referral.Receive(link.Id, dateOfBirth, new Referrer(request.ReferrerRole!.Value, request.ReferrerOrganisation, request.SupportLineConversationId),
            content, earlier.Count > 0, inWindow, frontDoor.Value.DecisionEscalationWorkingDays, author);
        db.Referrals.Add(referral);
        // REF-07: a flag the referral shows at intake is the child's, with its manager's decision task, not only the referral's.
        LegalFlagRaising.Raise(db, outbox, referral.YoungPersonId, referral.LegalFlags, referral.Id,
            London.DateOf(referral.ConcernOccurredAt), referral.AgeOnConcernDate, author);
        // A partner who refers (a school, a health partner) may follow their referral up (REC-11): the protocol's
        // ReferralMade relationship, recorded with the referral and lapsing after a year. Without it, the earlier
        // referrals this response shows would be refused to the very person who made this one.
        if (protocol.TermsFor(user) is { } terms && terms.Relationships.Contains(SharingRelationshipKind.ReferralMade))
        {
            var followUp = SharingRelationship.Record(link.Id, author.UserId, SharingRelationshipKind.ReferralMade, author.At,
                author.At + SharingRelationshipRules.ReferralFollowUp, $"Made referral {referral.Id}", author.UserId, author.At);
            db.Set<SharingRelationship>().Add(followUp);
            outbox.Add(SharingRelationshipRules.Recorded(followUp, author.Role));
        }
        outbox.Add(new ReferralReceived
        {
            ReferralId = referral.Id,
            YoungPersonId = referral.YoungPersonId,
            ReferrerRole = referral.ReferrerRole,
            CseType = referral.CseType,
            Indicators = referral.Indicators,
            Priority = referral.Priority,
            DecisionDueAt = referral.DecisionDueAt,
            IsReReferral = referral.IsReReferral,
            SupportLineConversationId = referral.SupportLineConversationId,
            AgeAtReferral = YoungPerson.AgeOn(dateOfBirth, London.DateOf(author.At)),
            AgeOnConcernDate = referral.AgeOnConcernDate,
            RecordedBy = author.UserId,
            RecordedByRole = author.Role,
            OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (!link.RegisteredNow)
        {
            // The response shows an existing child's earlier referrals: that is a read of their record (REC-08). A
            // partner the protocol does not relate to the child (a carer referring someone else's child) is told the
            // referral was received, without the earlier ones: the referral stands either way (REC-11).
            if (!await accessLog.TryRecordAsync(YoungPeopleEndpoints.SubjectType, [link.Id], AccessActions.Read, cancellationToken))
            {
                earlier = [];
            }
        }
        return TypedResults.Created($"/api/referrals/{referral.Id}",
            ReferralResponse.From(referral, author.At, ReadReferrals.Earlier(earlier, referral), link));
    }

    private static IQueryable<YoungPersonDetails> CurrentDetails(ReferralsDbContext db) =>
        db.YoungPersonDetails.AsNoTracking()
            .Where(d => d.Version == db.YoungPersonDetails.Where(x => x.YoungPersonId == d.YoungPersonId).Max(x => x.Version));
}
