using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Placements;
using Support.Referrals.Features.SharingRelationships;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Features.UnmetNeeds;

namespace Support.Referrals.Features.Placements;

/// <summary>The queries and messages the placement use cases share.</summary>
internal static class PlacementRecords
{
    public const string UnmetNeedCategory = "Placement";

    /// <summary>The child's placement now: the latest one that has not ended.</summary>
    public static Task<Placement?> CurrentPlacementAsync(this ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.Placements.Where(p => p.YoungPersonId == youngPersonId && !db.PlacementEndings.Any(e => e.PlacementId == p.Id))
            .OrderByDescending(p => p.StartedOn).ThenByDescending(p => p.RecordedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// REF-26: the risk-to-others flags, not withdrawn, of the young people living at a setting now (other than the
    /// child) that match the child's gender and age on the admission date.
    /// </summary>
    public static async Task<List<Guid>> MatchingResidentFlagsAsync(this ReferralsDbContext db, Guid childId, string settingKey, DateOnly on, CancellationToken cancellationToken)
    {
        var child = await db.YoungPersonDetails.Where(d => d.YoungPersonId == childId).OrderByDescending(d => d.Version)
            .Select(d => new { d.DateOfBirth, d.Gender }).FirstAsync(cancellationToken);
        var residents = db.Placements
            .Where(p => p.SettingKey == settingKey && p.YoungPersonId != childId && !db.PlacementEndings.Any(e => e.PlacementId == p.Id))
            .Select(p => p.YoungPersonId);
        var flags = await db.RiskToOthersFlags.AsNoTracking()
            .Where(f => residents.Contains(f.YoungPersonId) && !db.RiskToOthersWithdrawals.Any(w => w.FlagId == f.Id))
            .ToListAsync(cancellationToken);
        var age = YoungPerson.AgeOn(child.DateOfBirth, on);
        return [.. flags.Where(f => f.Matches(child.Gender, age)).Select(f => f.Id).Order()];
    }

    /// <summary>
    /// REF-27 and REC-11: the carer a child is placed with can read the child's record (the must-not-have-contact list
    /// first) from the placement's start, through a sharing relationship of kind Placement, announced like any other.
    /// </summary>
    public static SharingRelationship CarerRelationship(this ReferralsDbContext db, IOutbox outbox, Guid youngPersonId, string carerUserId, string setting, Author author)
    {
        var relationship = SharingRelationship.Record(youngPersonId, carerUserId, SharingRelationshipKind.Placement, author.At, null,
            $"Placement at {setting}", author.UserId, author.At);
        db.Set<SharingRelationship>().Add(relationship);
        outbox.Add(SharingRelationshipRules.Recorded(relationship, author.Role));
        return relationship;
    }

    /// <summary>The placement's carer relationship ends with the placement; one ended by hand already stays as it is.</summary>
    public static async Task EndCarerRelationshipAsync(this ReferralsDbContext db, IOutbox outbox, Placement placement, Author author, CancellationToken cancellationToken)
    {
        if (placement.CarerRelationshipId is not { } id
            || await db.Set<SharingRelationship>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } relationship
            || !relationship.End(author.At, author.UserId, "The placement ended"))
        {
            return;
        }
        outbox.Add(new SharingRelationshipEnded
        {
            RelationshipId = relationship.Id, YoungPersonId = placement.YoungPersonId, EndedAt = author.At, EndedBy = author.UserId,
            EndedByRole = author.Role, OccurredAt = author.At,
        });
    }

    /// <summary>
    /// REF-26 and COM-05: a placement chosen, changed or refused for cost or shortage is unmet need, kept with the
    /// placement or refusal it came from (<paramref name="sourceId"/>).
    /// </summary>
    public static UnmetNeed RecordPlacementUnmetNeed(this ReferralsDbContext db, IOutbox outbox, Guid youngPersonId, PlacementReason reason, Guid sourceId, Author author) =>
        db.RecordUnmetNeed(outbox, UnmetNeed.Record(youngPersonId, UnmetNeedCategory,
            reason == PlacementReason.CostConstraint ? UnmetNeedReason.CostConstraint : UnmetNeedReason.NotAvailable, UnmetNeedSource.Placement, sourceId, author));
}
