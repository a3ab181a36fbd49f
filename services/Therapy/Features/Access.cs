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
    /// <summary>The workers who take down a young person's views of a service and may read their own young people's (THR-07).</summary>
    public const string FeedbackRecorders = nameof(FeedbackRecorders);
    /// <summary>Who loads a council's figures from before the platform (COM-01): the commissioner and governance.</summary>
    public const string HistoricFigureImporters = nameof(HistoricFigureImporters);

    public static readonly string[] ClinicianRoles = [Roles.CamhsClinician, Roles.Therapist, Roles.HealthPartner, Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] OfferManagerRoles = [Roles.TeamManager, Roles.SeniorManager];
    public static readonly string[] HealthRecorderRoles = [Roles.HealthPartner, Roles.CamhsClinician, Roles.Therapist, Roles.SocialWorker, Roles.TeamManager, Roles.SeniorManager];
    /// <summary>Clinicians, and the key workers and support-line workers a young person gives their views to (SL-07).</summary>
    public static readonly string[] FeedbackRecorderRoles =
        [.. ClinicianRoles, Roles.SocialWorker, Roles.OutreachWorker, Roles.PersonalAdviser, Roles.SupportLineOperator];
    public static readonly string[] HistoricFigureImporterRoles = [.. Roles.HistoricFigureImporters];
}
