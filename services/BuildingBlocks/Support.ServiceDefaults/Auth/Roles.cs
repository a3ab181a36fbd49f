namespace Support.ServiceDefaults.Auth;

/// <summary>Role codes carried in the <c>role</c> claim of a token (domain brief §1).</summary>
public static class Roles
{
    public const string YoungPerson = nameof(YoungPerson);
    public const string Survivor = nameof(Survivor);
    public const string OutreachWorker = nameof(OutreachWorker);
    public const string SocialWorker = nameof(SocialWorker);
    public const string TeamManager = nameof(TeamManager);
    public const string SeniorManager = nameof(SeniorManager);
    public const string Chair = nameof(Chair);
    public const string Iro = "IRO";
    public const string RhiWorker = nameof(RhiWorker);
    public const string PoliceLiaison = nameof(PoliceLiaison);
    public const string Therapist = nameof(Therapist);
    public const string CamhsClinician = nameof(CamhsClinician);
    public const string HealthPartner = nameof(HealthPartner);
    public const string PersonalAdviser = nameof(PersonalAdviser);
    public const string AdultServices = nameof(AdultServices);
    public const string Commissioner = nameof(Commissioner);
    public const string SchoolSafeguardingLead = nameof(SchoolSafeguardingLead);
    public const string Carer = nameof(Carer);
    public const string SupportLineOperator = nameof(SupportLineOperator);
    public const string Auditor = nameof(Auditor);
    public const string Governance = nameof(Governance);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);
    /// <summary>Runs the platform (outbox dead letters, health details); sees no case data.</summary>
    public const string PlatformOperator = nameof(PlatformOperator);

    /// <summary>
    /// Professionals who may see identifiable case data. Commissioners and governance members see aggregates only
    /// (Part I, "Commissioners see aggregates only"), so they are deliberately absent.
    /// </summary>
    public static readonly IReadOnlyList<string> CaseStaff =
    [
        OutreachWorker, SocialWorker, TeamManager, SeniorManager, Chair, Iro, RhiWorker, PoliceLiaison, Therapist,
        CamhsClinician, HealthPartner, PersonalAdviser, AdultServices, SchoolSafeguardingLead, Carer,
        SupportLineOperator, Auditor,
    ];

    /// <summary>Who may read the record of who read a child's record (REC-08).</summary>
    public static readonly IReadOnlyList<string> AccessLogReaders =
        [TeamManager, SeniorManager, Auditor, DataProtectionOfficer];

    /// <summary>Who may see aggregated, suppressed reports.</summary>
    public static readonly IReadOnlyList<string> AggregateReaders =
        [Commissioner, Governance, TeamManager, SeniorManager, Auditor];

    /// <summary>
    /// Who may see aggregated, suppressed reports about places (OUT-08: hotspots are "available to police liaison and
    /// community safety"): the aggregate readers and police liaison.
    /// </summary>
    public static readonly IReadOnlyList<string> PlaceReportReaders = [.. AggregateReaders, PoliceLiaison];

    /// <summary>
    /// The young people themselves and adult survivors (issue 16 item 4): they reach only their own record, through the
    /// sign-in identity a worker linked to it, and only at <c>/api/referrals/me</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> DataSubjects = [YoungPerson, Survivor];

    /// <summary>Who loads a council's figures from before the platform into the reports (COM-01): commissioners and governance.</summary>
    public static readonly IReadOnlyList<string> HistoricFigureImporters = [Commissioner, Governance];

    public static readonly IReadOnlyList<string> All =
    [
        YoungPerson, Survivor, OutreachWorker, SocialWorker, TeamManager, SeniorManager, Chair, Iro, RhiWorker,
        PoliceLiaison, Therapist, CamhsClinician, HealthPartner, PersonalAdviser, AdultServices, Commissioner,
        SchoolSafeguardingLead, Carer, SupportLineOperator, Auditor, Governance, DataProtectionOfficer, PlatformOperator,
    ];
}
