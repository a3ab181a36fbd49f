using System.Security.Claims;
using Support.ServiceDefaults.Auth;

namespace Support.ServiceDefaults.Reporting;

/// <summary>Whether a reader sees a report's small numbers suppressed or exact.</summary>
public enum Disclosure
{
    /// <summary>Counts 1 to the threshold shown as "c", with secondary suppression (everyone but auditors).</summary>
    Suppressed,

    /// <summary>Every count as it is: auditors check the figures behind a published report.</summary>
    Exact,
}

public static class DisclosureExtensions
{
    /// <summary>Auditors see exact values; every other reader sees the suppressed table.</summary>
    public static Disclosure Disclosure(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Auditor) ? Reporting.Disclosure.Exact : Reporting.Disclosure.Suppressed;
}
