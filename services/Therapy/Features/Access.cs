using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Features;

/// <summary>Who may do what in the Therapy service. Commissioners and governance reach only the reports (Part I).</summary>
public static class Access
{
    /// <summary>Clinicians who decide referrals: accept or decline (THR-01).</summary>
    public const string Clinicians = nameof(Clinicians);
    /// <summary>Managers who keep the commissioned providers and offers (THR-09).</summary>
    public const string OfferManagers = nameof(OfferManagers);
    /// <summary>Health partners and clinicians who record health indicators (THR-08).</summary>
    public const string HealthRecorders = nameof(HealthRecorders);

    public static readonly string[] ClinicianRoles = [Roles.CamhsClinician, Roles.Therapist, Roles.HealthPartner, Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] OfferManagerRoles = [Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] HealthRecorderRoles = [Roles.HealthPartner, Roles.CamhsClinician, Roles.Therapist, Roles.SocialWorker, Roles.TeamManager, Roles.SeniorManager];
}
