using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Assessments;

/// <summary>Reads what an assessment holds; shared by the read, write and sign-off use cases so each answers with the whole record.</summary>
internal static class AssessmentRecords
{
    public sealed record Parts(
        List<AssessmentEntry> Entries, List<AssessmentInvitation> Invitations, Dictionary<Guid, AssessmentInvitationReply> Replies,
        List<AssessmentSignature> Signatures)
    {
        public AssessmentSignature? LatestSignature => Signatures.MaxBy(s => s.Version);
        public IEnumerable<AssessmentEntry> Current => Entries.GroupBy(e => e.Section).Select(g => g.MaxBy(e => e.Sequence)!).OrderBy(e => e.Section);
    }

    public static async Task<Parts> PartsAsync(ReferralsDbContext db, Guid assessmentId, CancellationToken cancellationToken)
    {
        var entries = await db.Set<AssessmentEntry>().AsNoTracking().Where(e => e.AssessmentId == assessmentId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var invitations = await db.Set<AssessmentInvitation>().AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .OrderBy(i => i.InvitedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var replies = await db.Set<AssessmentInvitationReply>().AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .ToDictionaryAsync(r => r.InvitationId, cancellationToken);
        var signatures = await db.Set<AssessmentSignature>().AsNoTracking().Where(s => s.AssessmentId == assessmentId)
            .OrderBy(s => s.Version).ThenBy(s => s.SignedAt).ToListAsync(cancellationToken);
        return new Parts(entries, invitations, replies, signatures);
    }

    /// <summary>What still stops the assessment being signed (REF-17), counting every involved worker but the signer.</summary>
    public static async Task<IReadOnlyList<Domain.RuleViolation>> MissingAsync(
        ReferralsDbContext db, Assessment assessment, Parts parts, string signer, CancellationToken cancellationToken)
    {
        var involved = await AssessmentOpening.InvolvedWorkersAsync(db, assessment.YoungPersonId, cancellationToken);
        return AssessmentCompleteness.Missing(parts.Entries.Select(e => e.Section), parts.Invitations, parts.Replies.Keys.ToHashSet(),
            involved.Select(w => w.Worker).Where(w => w != signer));
    }

    public static async Task<AssessmentView> ViewAsync(ReferralsDbContext db, Assessment a, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parts = await PartsAsync(db, a.Id, cancellationToken);
        var missing = a.IsCompleted ? [] : await MissingAsync(db, a, parts, parts.LatestSignature?.SignedBy ?? a.OpenedBy, cancellationToken);
        var tasks = await db.Set<AssessmentNeedTask>().AsNoTracking().Where(t => t.AssessmentId == a.Id).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .GroupJoin(db.Set<AssessmentNeedTaskCompletion>(), t => t.Id, c => c.TaskId, (t, c) => new { t, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.t, c }).ToListAsync(cancellationToken);
        return new AssessmentView(
            a.Id, a.YoungPersonId, a.Kind, a.PathwayId, AssessmentSummary.StatusOf(a, parts.LatestSignature?.Version == a.Version), a.Version,
            LondonTime.Of(a.OpenedAt), a.OpenedBy, LondonTime.Of(a.DueAt), a.IsOverdue(now),
            [.. parts.Current.Select(AssessmentEntryView.From)], [.. parts.Entries.Select(AssessmentEntryView.From)],
            [.. parts.Invitations.Select(i => AssessmentInvitationView.From(i, parts.Replies.GetValueOrDefault(i.Id)))],
            [.. parts.Signatures.Select(s => new AssessmentSignatureView(s.Version, LondonTime.Of(s.SignedAt), s.SignedBy, s.SignedByRole))],
            [.. missing.Select(m => new MissingSection(m.Field, m.Message))],
            LondonTime.Of(a.CompletedAt), a.SignedBy, a.SignedOffBy, a.SignedOffByRole,
            [.. tasks.Select(x => NeedTaskView.From(x.t, x.c, now))]);
    }
}
