namespace Support.ServiceDefaults.Reporting;

/// <summary>One version of a report's definition: what it counts, the fields it shows, and who changed it and why (COM-11).</summary>
public sealed record ReportVersion(int Version, DateOnly Effective, string Author, string Reason, string Definition, IReadOnlyList<string> Fields);

/// <summary>A published report (commissioners, managers, police liaison): its counting unit (COM-01) and every version of its definition, oldest first.</summary>
public sealed record ReportDefinition(string Name, string Title, string CountingUnit, IReadOnlyList<ReportVersion> Versions)
{
    public ReportVersion Current => Versions[^1];
}

/// <summary>What every report response names: the report, the version of its definition, its counting unit.</summary>
public sealed record ReportIdentity(string Name, int Version, string CountingUnit, string Definition)
{
    public static ReportIdentity Of(ReportDefinition report) => new(report.Name, report.Current.Version, report.CountingUnit, report.Current.Definition);
}

/// <summary>COM-01: the counting units, fixed and separate. They are never added together into "victims".</summary>
public static class CountingUnits
{
    public const string CseContacts = nameof(CseContacts);
    public const string CseClients = nameof(CseClients);
    public const string OutreachClients = nameof(OutreachClients);
    public const string Assessments = nameof(Assessments);
    public const string Referrals = nameof(Referrals);
    public const string DistinctYoungPeople = nameof(DistinctYoungPeople);
    /// <summary>Each person of concern named in information once, by the name or nickname recorded (OUT-10).</summary>
    public const string DistinctPersonsOfConcern = nameof(DistinctPersonsOfConcern);
    /// <summary>Unmet needs recorded (COM-05): one per need a service could not meet, so one young person may have several.</summary>
    public const string UnmetNeeds = nameof(UnmetNeeds);
}
