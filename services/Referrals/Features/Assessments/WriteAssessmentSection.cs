using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: a social worker or manager writes one section of an open assessment, whole: the child's account (their
/// words, their feelings and the date they were seen alone), impact (short and long term), analysis (what happened, why,
/// the consequences) or needs and plan. Every part of the section is required (400 naming it) and parts of another
/// section are refused (400 naming them), so a section is never half written. Writing it again adds a version.
/// </summary>
public static class WriteAssessmentSection
{
    public sealed record NeedInput(string? Description, string? Category, NeedResponse? Response, UnmetNeedReason? UnmetNeedReason);

    public sealed record Request(
        AssessmentSection? Section, string? Account, string? Feelings, DateOnly? SeenAloneOn, string? ShortTermImpact, string? LongTermImpact,
        string? WhatHappened, string? Why, string? Consequences, string? Plan, IReadOnlyList<NeedInput?>? Needs);

    public const int TextLimit = 8000;
    public const int MaxNeeds = 30;

    public static async Task<Results<Created<AssessmentView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("section", request.Section);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var section = request.Section!.Value;
        var parts = new (string Field, object? Value, AssessmentSection Of)[]
        {
            ("account", request.Account, AssessmentSection.ChildsAccount),
            ("feelings", request.Feelings, AssessmentSection.ChildsAccount),
            ("seenAloneOn", request.SeenAloneOn, AssessmentSection.ChildsAccount),
            ("shortTermImpact", request.ShortTermImpact, AssessmentSection.Impact),
            ("longTermImpact", request.LongTermImpact, AssessmentSection.Impact),
            ("whatHappened", request.WhatHappened, AssessmentSection.Analysis),
            ("why", request.Why, AssessmentSection.Analysis),
            ("consequences", request.Consequences, AssessmentSection.Analysis),
            ("plan", request.Plan, AssessmentSection.NeedsAndPlan),
            ("needs", request.Needs, AssessmentSection.NeedsAndPlan),
        };
        foreach (var (field, value, of) in parts)
        {
            if (of != section)
            {
                errors.When(value is not null, field, $"'{field}' belongs to the {of} section, not {section}.");
            }
            else if (value is string or null && field != "needs" && field != "seenAloneOn")
            {
                errors.Required(field, (string?)value, TextLimit);
            }
        }
        var needs = new List<AssessmentNeed>();
        if (section == AssessmentSection.ChildsAccount)
        {
            errors.Required("seenAloneOn", request.SeenAloneOn);
        }
        if (section == AssessmentSection.NeedsAndPlan)
        {
            // An explicit empty list says "no needs"; leaving it out says nothing, so it is required.
            errors.When(request.Needs is null, "needs", "'needs' is required: list each need the assessment states, or [] for none.");
            errors.When(request.Needs is { Count: > MaxNeeds }, "needs", $"At most {MaxNeeds} needs.");
            foreach (var (need, i) in errors.Present("needs", request.Needs))
            {
                errors.Required($"needs[{i}].description", need.Description, 1000).Required($"needs[{i}].category", need.Category, 100)
                    .Required($"needs[{i}].response", need.Response)
                    .When(need.Response == NeedResponse.UnmetNeed && need.UnmetNeedReason is null, $"needs[{i}].unmetNeedReason",
                        "A need recorded as unmet needs the reason it cannot be met (COM-05).")
                    .When(need.Response == NeedResponse.ReferralTask && need.UnmetNeedReason is not null, $"needs[{i}].unmetNeedReason",
                        "Only a need recorded as unmet has an unmet-need reason.");
                if (need is { Description: not null, Category: not null, Response: { } response })
                {
                    needs.Add(new AssessmentNeed(need.Description.Trim(), need.Category.Trim(), response, need.UnmetNeedReason));
                }
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        if (request.SeenAloneOn is { } seenAlone)
        {
            // The date the child was seen alone is a real day in their life: not before birth, not in the future.
            var problem = EventDates.Problem("seenAloneOn", seenAlone, await db.DateOfBirthOfAsync(assessment.YoungPersonId, cancellationToken), author.At);
            if (problem is not null)
            {
                return errors.Add("seenAloneOn", problem).ToUnprocessable();
            }
        }
        try
        {
            var entry = assessment.Write(new AssessmentSectionContent(section,
                request.Account?.Trim(), request.Feelings?.Trim(), request.SeenAloneOn, request.ShortTermImpact?.Trim(), request.LongTermImpact?.Trim(),
                request.WhatHappened?.Trim(), request.Why?.Trim(), request.Consequences?.Trim(), request.Plan?.Trim(),
                section == AssessmentSection.NeedsAndPlan ? needs : null), author);
            db.Set<AssessmentEntry>().Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            return Conflicts.Problem("Someone else wrote into this assessment at the same time; reload it.");
        }
        return TypedResults.Created($"/api/referrals/assessments/{id}", await AssessmentRecords.ViewAsync(db, assessment, author.At, cancellationToken));
    }
}
