using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// One period of a case's lead team (REF-06), append-only. A period ends when the next one for the same case starts,
/// so there is exactly one lead team at every moment. Each names the allocation criterion it met and its version.
/// </summary>
public sealed class CaseLeadTeam
{
    private CaseLeadTeam() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public string Team { get; private init; } = "";
    public DateTimeOffset ValidFrom { get; private init; }
    public string Criterion { get; private init; } = "";
    public string CriteriaVersion { get; private init; } = "";
    /// <summary>The transfer that moved the case to this team; null for the team that opened it.</summary>
    public Guid? TransferId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    internal static CaseLeadTeam Start(Guid caseId, string team, DateTimeOffset validFrom, string criterion, string criteriaVersion, Guid? transferId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        CaseId = caseId,
        Team = team,
        ValidFrom = validFrom,
        Criterion = criterion,
        CriteriaVersion = criteriaVersion,
        TransferId = transferId,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}
