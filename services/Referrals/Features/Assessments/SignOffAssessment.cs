using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Placements;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Features.UnmetNeeds;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: a team or senior manager, not the author, signs off the version the author signed, which completes the
/// assessment (409 otherwise). Then nothing it states is left as words: each need becomes a task for the case's key
/// worker to make the referral (due in <c>Assessments:NeedTaskWorkingDays</c>) or an unmet-need entry kept in the register and
/// announced with <c>UnmetNeedRecorded</c> (COM-05, THR-01); for a looked-after child the next assessment is due 12 months on
/// (<c>Assessments:LookedAfterRenewalMonths</c>). All announced with <c>AssessmentCompleted</c> in the same transaction.
/// </summary>
public static class SignOffAssessment
{
    public static async Task<Results<Ok<AssessmentView>, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IOptions<AssessmentOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var manager = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        var parts = await AssessmentRecords.PartsAsync(db, id, cancellationToken);
        try
        {
            assessment.SignOff(parts.LatestSignature, manager);
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        var needs = parts.Current.Where(e => e.Section == AssessmentSection.NeedsAndPlan).SelectMany(e => e.Needs).ToList();
        var keyWorker = await db.Set<Case>().Where(c => c.YoungPersonId == assessment.YoungPersonId && c.Status == CaseStatus.Open)
            .OrderByDescending(c => c.OpenedAt).Select(c => c.KeyWorker).FirstOrDefaultAsync(cancellationToken);
        var taskDue = WorkingDays.Add(manager.At, options.Value.NeedTaskWorkingDays);
        var tasks = needs.Where(n => n.Response == NeedResponse.ReferralTask)
            .Select(n => AssessmentNeedTask.For(assessment, n, keyWorker, taskDue, manager)).ToList();
        db.Set<AssessmentNeedTask>().AddRange(tasks);
        var unmet = needs.Where(n => n.Response == NeedResponse.UnmetNeed).ToList();
        foreach (var need in unmet)
        {
            db.RecordUnmetNeed(outbox, UnmetNeed.Record(assessment.YoungPersonId, need.Category, need.UnmetNeedReason!.Value, UnmetNeedSource.AssessmentSignOff,
                assessment.Id, manager));
        }
        var lookedAfter = await db.CurrentPlacementAsync(assessment.YoungPersonId, cancellationToken) is not null;
        outbox.Add(new AssessmentCompleted
        {
            AssessmentId = assessment.Id, YoungPersonId = assessment.YoungPersonId, Kind = assessment.Kind, Late = assessment.IsOverdue(manager.At),
            NeedTasks = tasks.Count, UnmetNeeds = unmet.Count,
            NextDueOn = lookedAfter ? London.DateOf(manager.At).AddMonths(options.Value.LookedAfterRenewalMonths) : null,
            SignedBy = assessment.SignedBy!, SignedOffBy = manager.UserId, SignedOffByRole = manager.Role, OccurredAt = manager.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            return Conflicts.Problem("The assessment changed while it was being signed off; reload it.");
        }
        return TypedResults.Ok(await AssessmentRecords.ViewAsync(db, assessment, manager.At, cancellationToken));
    }
}
