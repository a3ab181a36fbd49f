using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Features.SharingRelationships;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17 asks for "contributions from every involved worker", and the workers who know a child best are often partners
/// outside the case team (a school's safeguarding lead, a health partner, a carer). Under the information-sharing
/// protocol (REC-11) such a partner sees only the young people they are related to, so an invitation records the
/// protocol's <see cref="SharingRelationshipKind.AssessmentInvitation"/> relationship for the partner roles whose terms
/// name it, and the answer ends it: they can see what they were asked to contribute to, and no longer than that.
/// </summary>
internal static class InvitationSharing
{
    /// <summary>Invites the worker, recording the partner's relationship with the invitation when the protocol calls for one.</summary>
    public static AssessmentInvitation InviteWithSharing(
        this Assessment assessment, ReferralsDbContext db, IOutbox outbox, InformationSharingProtocol protocol, string worker, string role, Author author)
    {
        SharingRelationship? relationship = null;
        if (protocol.Partners.TryGetValue(role, out var terms) && terms.Relationships.Contains(SharingRelationshipKind.AssessmentInvitation))
        {
            // Bounded like a grant, in case the assessment is abandoned with the invitation unanswered.
            relationship = SharingRelationship.Record(assessment.YoungPersonId, worker, SharingRelationshipKind.AssessmentInvitation, author.At,
                author.At + SharingRelationshipRules.MaxGrant, $"Invited to contribute to assessment {assessment.Id}", author.UserId, author.At);
        }
        var invitation = assessment.Invite(worker, role, relationship?.Id, author);
        db.Set<AssessmentInvitation>().Add(invitation);
        if (relationship is not null)
        {
            db.Set<SharingRelationship>().Add(relationship);
            outbox.Add(SharingRelationshipRules.Recorded(relationship, author.Role));
        }
        return invitation;
    }

    /// <summary>The answer (a contribution or a recorded non-reply) ends the invited partner's relationship.</summary>
    public static async Task EndSharingAsync(ReferralsDbContext db, IOutbox outbox, AssessmentInvitation invitation, Author author, CancellationToken cancellationToken)
    {
        if (invitation.SharingRelationshipId is not { } id
            || await db.Set<SharingRelationship>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } relationship
            || !relationship.End(author.At, author.UserId, "The invitation to contribute to the assessment was answered"))
        {
            return;
        }
        outbox.Add(new SharingRelationshipEnded
        {
            RelationshipId = relationship.Id, YoungPersonId = invitation.YoungPersonId, EndedAt = author.At, EndedBy = author.UserId,
            EndedByRole = author.Role, OccurredAt = author.At,
        });
    }
}
