namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Which services hold part of a young person's record and so must answer a pack (REC-10): a pack is complete, and can
/// be redacted and released, only when each has. Configuration, so a council that runs fewer services says so.
/// </summary>
public sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>Comma-separated service names, as each service calls itself (its database schema).</summary>
    public string ContributingServices { get; set; } = "missing,outreach,supportline,therapy,leavingcare";

    public IReadOnlyList<string> Services() =>
        [.. ContributingServices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public bool IsValid() => Services().All(s => s.Length <= 40 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));

    public static void AddTo(WebApplicationBuilder builder) =>
        builder.Services.AddOptions<DisclosureOptions>().BindConfiguration(Section)
            .Validate(o => o.IsValid(), "Disclosure: ContributingServices is a comma-separated list of lower-case service names.")
            .ValidateOnStart();
}
