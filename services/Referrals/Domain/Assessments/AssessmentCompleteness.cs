namespace Support.Referrals.Domain.Assessments;

/// <summary>
/// REF-17: "An assessment cannot be completed without these sections": the child's own account and feelings with the
/// date they were seen alone, impact, analysis, contributions from every involved worker (an invitation sent and the
/// reply or non-reply recorded), needs and the plan. Each gap is one violation naming the section, so the author sees
/// all of them at once. A section's entry always has all its parts (the endpoint refuses half a section), so a section
/// is present when it has a version.
/// </summary>
public static class AssessmentCompleteness
{
    public static IReadOnlyList<RuleViolation> Missing(
        IEnumerable<AssessmentSection> writtenSections,
        IReadOnlyCollection<AssessmentInvitation> invitations,
        IReadOnlySet<Guid> answeredInvitations,
        IEnumerable<string> involvedWorkers)
    {
        var written = writtenSections.ToHashSet();
        var missing = new List<RuleViolation>();
        void Require(AssessmentSection section, string field, string what)
        {
            if (!written.Contains(section))
            {
                missing.Add(new RuleViolation(field, $"The assessment has no {what} (REF-17)."));
            }
        }
        Require(AssessmentSection.ChildsAccount, "childsAccount", "account of the child's own words and feelings with the date they were seen alone");
        Require(AssessmentSection.Impact, "impact", "short-term and long-term impact");
        Require(AssessmentSection.Analysis, "analysis", "analysis of what happened, why, and the consequences");
        Require(AssessmentSection.NeedsAndPlan, "needsAndPlan", "needs and plan");

        var invited = invitations.Select(i => i.Worker).ToHashSet(StringComparer.Ordinal);
        var notInvited = involvedWorkers.Where(w => !invited.Contains(w)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unanswered = invitations.Count(i => !answeredInvitations.Contains(i.Id));
        if (notInvited.Count > 0 || unanswered > 0)
        {
            var parts = new List<string>();
            if (notInvited.Count > 0)
            {
                parts.Add($"involved workers not invited to contribute: {string.Join(", ", notInvited)}");
            }
            if (unanswered > 0)
            {
                parts.Add($"{unanswered} invitation(s) with neither a contribution nor a recorded non-reply");
            }
            missing.Add(new RuleViolation("contributions", $"Contributions are incomplete ({string.Join("; ", parts)}) (REF-17)."));
        }
        return missing;
    }
}
