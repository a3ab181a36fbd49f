using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Features.YoungPeople;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>What an assessor says; the facts the rule table reads plus the chosen level.</summary>
public sealed record AssessmentInput(
    DateOnly EventDate, IReadOnlyCollection<RiskIndicator> Indicators, bool SexualActivity, bool DisclosureOfAssault,
    int? MissingEpisodesInLast90Days, RiskLevel ChosenLevel, string? Rationale, string? Notes);

/// <summary>
/// Recording an assessment and keeping the level in force (<see cref="CurrentRiskLevel"/>) up to date; used by the
/// assessment endpoint and by risk-review completion so both follow the same rules (REF-07, REF-14, REF-15).
/// </summary>
public static class RiskAssessing
{
    public const int MissingWindowDays = 90;

    public sealed record Outcome(RiskAssessment? Assessment, ValidationErrors Errors, bool UnknownYoungPerson);

    /// <summary>Stages the assessment, the level change, legal flags and manager tasks; the caller saves once.</summary>
    public static async Task<Outcome> RecordAsync(
        ReferralsDbContext db, IOutbox outbox, Guid youngPersonId, Guid? reviewId, AssessmentInput input, Author author,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var dateOfBirth = await db.DateOfBirthOfAsync(youngPersonId, cancellationToken);
        if (dateOfBirth is not { } born)
        {
            return new(null, errors, true);
        }
        var today = London.DateOf(author.At);
        errors.When(input.EventDate > today, "eventDate", "'eventDate' cannot be in the future.")
            .When(input.EventDate < born, "eventDate", "'eventDate' cannot be before the young person's date of birth.");
        if (errors.Any)
        {
            return new(null, errors, false);
        }

        // REF-07: the age on the date of the event, from the registry, never typed in.
        var age = YoungPerson.AgeOn(born, input.EventDate);
        var seen = await CountMissingEpisodesAsync(db, youngPersonId, input.EventDate, cancellationToken);
        // What this service has seen or what the assessor knows, whichever is more: a count never lowers the risk.
        var missing = Math.Max(seen, input.MissingEpisodesInLast90Days ?? 0);
        var facts = new RiskFacts(input.Indicators, age, input.SexualActivity, input.DisclosureOfAssault, missing);
        // REF-14: the suggested level comes from everything known about the young person, not only what was typed into
        // this assessment: the indicators of their referrals and assessments of the last 12 months count too, so a
        // "low" rating against earlier evidence needs a rationale and a countersignature. Legal flags come from what
        // this assessment shows (earlier records raised their own).
        var known = await KnownFromRecordAsync(db, youngPersonId, author.At, cancellationToken);
        var considered = facts with
        {
            Indicators = facts.Indicators.Union(known.Indicators).ToList(),
            SexualActivity = facts.SexualActivity || known.SexualActivity,
            DisclosureOfAssault = facts.DisclosureOfAssault || known.DisclosureOfAssault,
        };
        var rules = RiskRuleTable.Evaluate(considered) with { LegalFlags = RiskRuleTable.Evaluate(facts).LegalFlags };
        var current = await db.CurrentRiskLevels.SingleOrDefaultAsync(c => c.YoungPersonId == youngPersonId, cancellationToken);

        if (RiskAssessment.NeedsCountersignature(rules.SuggestedLevel, current?.Level, input.ChosenLevel) && string.IsNullOrWhiteSpace(input.Rationale))
        {
            errors.Add("rationale", $"A level below the suggested level ({rules.SuggestedLevel}) or below the level in force needs a rationale and a team manager's countersignature (REF-14, REF-15).");
            return new(null, errors, false);
        }

        var assessment = RiskAssessment.Record(youngPersonId, reviewId, input.EventDate, facts, rules, input.ChosenLevel,
            current?.Level, input.Rationale, input.Notes, author, known.Indicators.Except(facts.Indicators).ToList());
        db.RiskAssessments.Add(assessment);
        PutInForce(db, outbox, current, assessment, assessment.LevelInForceWhileAwaiting, approvedBy: null, author.At);

        LegalFlagRaising.Raise(db, outbox, youngPersonId, rules.LegalFlags, assessment.Id, input.EventDate, age, author);
        return new(assessment, errors, false);
    }

    /// <summary>
    /// What the record already shows (REF-14): indicators and facts from referrals and assessments of the last 12
    /// months, and <see cref="RiskIndicator.SiblingWithCseHistory"/> when a sibling or household member has a CSE history
    /// (REF-19: "sibling and household relationships in the registry surface the sibling's CSE flags").
    /// </summary>
    public sealed record KnownFacts(IReadOnlyList<RiskIndicator> Indicators, bool SexualActivity, bool DisclosureOfAssault);

    public const int KnownFactsWindowMonths = 12;

    public static async Task<KnownFacts> KnownFromRecordAsync(ReferralsDbContext db, Guid youngPersonId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddMonths(-KnownFactsWindowMonths);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.YoungPersonId == youngPersonId && r.ReceivedAt >= since)
            .Select(r => new { r.Indicators, r.SexualActivity, r.DisclosureOfAssault }).ToListAsync(cancellationToken);
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.YoungPersonId == youngPersonId && a.RecordedAt >= since)
            .Select(a => new { a.Indicators, a.SexualActivity, a.DisclosureOfAssault }).ToListAsync(cancellationToken);
        var related = await FamilyRelationships.RelatedAsync(db, youngPersonId, cancellationToken);
        var sibling = (await FamilyRelationships.WithCseHistoryAsync(db, related, cancellationToken)).Count > 0 ? [RiskIndicator.SiblingWithCseHistory] : Array.Empty<RiskIndicator>();
        return new KnownFacts(
            referrals.SelectMany(r => r.Indicators).Concat(assessments.SelectMany(a => a.Indicators)).Concat(sibling).Distinct().Order().ToList(),
            referrals.Any(r => r.SexualActivity) || assessments.Any(a => a.SexualActivity),
            referrals.Any(r => r.DisclosureOfAssault) || assessments.Any(a => a.DisclosureOfAssault));
    }

    /// <summary>
    /// Makes <paramref name="level"/> the level in force and announces it if it changed (REF-15: a downgrade carries the
    /// approving manager). The current-level row always points at the latest assessment, so a countersignature can tell
    /// whether a newer assessment has superseded the one it signs.
    /// </summary>
    public static void PutInForce(
        ReferralsDbContext db, IOutbox outbox, CurrentRiskLevel? current, RiskAssessment source, RiskLevel level, string? approvedBy, DateTimeOffset at)
    {
        var previous = current?.Level;
        var rules = source.Rules;
        if (current is null)
        {
            db.CurrentRiskLevels.Add(CurrentRiskLevel.First(source.YoungPersonId, level, rules, source.Id, at));
        }
        else
        {
            current.Set(level, rules, source.Id, at);
        }
        if (previous == level)
        {
            return;
        }
        var downgrade = previous is { } before && level < before;
        if (downgrade && approvedBy is null)
        {
            throw new InvalidOperationException("A downgrade is never put in force without an approving manager (REF-15).");
        }
        outbox.Add(new RiskLevelChanged
        {
            YoungPersonId = source.YoungPersonId,
            SourceId = source.Id,
            PreviousLevel = previous,
            NewLevel = level,
            SuggestedLevel = source.SuggestedLevel,
            Indicators = source.ContributingIndicators,
            RuleTableVersion = source.RuleTableVersion,
            IsDowngrade = downgrade,
            ApprovedBy = approvedBy,
            RecordedBy = source.RecordedBy,
            RecordedByRole = source.RecordedByRole,
            OccurredAt = at,
        });
    }

    /// <summary>Missing episodes whose last-seen London date falls in the 90 days ending on the event date.</summary>
    public static async Task<int> CountMissingEpisodesAsync(ReferralsDbContext db, Guid youngPersonId, DateOnly eventDate, CancellationToken cancellationToken)
    {
        var from = London.StartOf(eventDate.AddDays(-(MissingWindowDays - 1)));
        var to = London.StartOf(eventDate.AddDays(1));
        return await db.MissingEpisodesSeen.CountAsync(m => m.YoungPersonId == youngPersonId && m.LastSeenAt >= from && m.LastSeenAt < to, cancellationToken);
    }
}
