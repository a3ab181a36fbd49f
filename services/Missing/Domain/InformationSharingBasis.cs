namespace Support.Missing.Domain;

/// <summary>
/// On what basis the findings of a return-home interview are shared (MIS-03). The structured findings (indicators,
/// whether a disclosure was made, locations) are always shared: safeguarding overrides confidentiality, so a
/// disagreement about sharing never leaves them unshared. The young person's disclosure in their words is shared only
/// when the basis allows it (<see cref="InformationSharing.AllowsSharingFreeText"/>).
/// </summary>
public enum InformationSharingBasis
{
    /// <summary>The young person agreed to the findings being shared.</summary>
    Consent,
    /// <summary>Shared without consent because the young person is at risk of significant harm.</summary>
    SafeguardingOverride,
    /// <summary>Shared because the law requires it (a court order, a statutory request).</summary>
    LegalDuty,
    /// <summary>The young person did not consent and no override was applied: codes are shared, their words are not.</summary>
    ConsentWithheld,
}

public static class InformationSharing
{
    public static bool AllowsSharingFreeText(this InformationSharingBasis basis) =>
        basis is InformationSharingBasis.Consent or InformationSharingBasis.SafeguardingOverride or InformationSharingBasis.LegalDuty;
}
