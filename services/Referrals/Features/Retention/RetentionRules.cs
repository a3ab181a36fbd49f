using Support.Contracts.Registry;

namespace Support.Referrals.Features.Retention;

/// <summary>Which rule applies to a young person and the last day their records are kept (<c>RecordRetention</c>).</summary>
public static class RetentionRules
{
    /// <summary>
    /// Kept until the birthday the rule names: the day before it is the last day kept, and the records are removed on
    /// the birthday itself (a 29 February birthday falls on 28 February in other years).
    /// </summary>
    public static (RetentionRule Rule, DateOnly RetainUntil) For(DateOnly dateOfBirth, bool lookedAfter, RetentionOptions options) =>
        lookedAfter
            ? (RetentionRule.LookedAfter, dateOfBirth.AddYears(options.LookedAfterUntilAge).AddDays(-1))
            : (RetentionRule.Other, dateOfBirth.AddYears(options.OtherUntilAge + options.OtherYearsAfter).AddDays(-1));
}
