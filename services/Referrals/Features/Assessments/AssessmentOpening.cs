using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// Opening an assessment, by an s47 enquiry or by hand: the same invitations and the same announcement. Every worker
/// recorded as involved in the young person's open case is invited to contribute at once (REF-17, Imray §4.5), other
/// than the person opening it.
/// </summary>
internal static class AssessmentOpening
{
    public static async Task<Assessment> OpenAsync(
        ReferralsDbContext db, IOutbox outbox, InformationSharingProtocol protocol, Guid youngPersonId, AssessmentKind kind, Guid? pathwayId, DateTimeOffset dueAt,
        Author author, CancellationToken cancellationToken)
    {
        var assessment = Assessment.Open(youngPersonId, kind, pathwayId, dueAt, author);
        db.Set<Assessment>().Add(assessment);
        var involved = await InvolvedWorkersAsync(db, youngPersonId, cancellationToken);
        var invitations = involved.Where(w => w.Worker != author.UserId)
            .Select(w => assessment.InviteWithSharing(db, outbox, protocol, w.Worker, w.Role, author)).ToList();
        outbox.Add(new AssessmentOpened
        {
            AssessmentId = assessment.Id, YoungPersonId = youngPersonId, Kind = kind, PathwayId = pathwayId, DueAt = dueAt,
            Invited = invitations.Count, RecordedBy = author.UserId, RecordedByRole = author.Role, OccurredAt = author.At,
        });
        return assessment;
    }

    /// <summary>The workers recorded as involved in the young person's open cases (REF-24), one row per worker.</summary>
    public static async Task<List<(string Worker, string Role)>> InvolvedWorkersAsync(ReferralsDbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        var openCases = db.Set<Case>().Where(c => c.YoungPersonId == youngPersonId && c.Status == CaseStatus.Open).Select(c => c.Id);
        var rows = await db.Set<InvolvedWorker>().AsNoTracking().Where(w => openCases.Contains(w.CaseId))
            .OrderBy(w => w.From).Select(w => new { w.Worker, w.Role }).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => r.Worker).Select(r => (r.Worker, r.Role))];
    }
}
