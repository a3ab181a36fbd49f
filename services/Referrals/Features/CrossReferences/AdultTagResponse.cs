using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.CrossReferences;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.CrossReferences;

public sealed record AdultTagResponse(
    Guid Id, Guid YoungPersonId, string Name, string SourceKind, string? SourceReference, string Summary, LondonTime RecordedAt, string RecordedBy,
    IReadOnlyList<Guid> OtherYoungPeople)
{
    public static AdultTagResponse From(AdultTag t, IReadOnlyDictionary<string, List<Guid>> others) => new(
        t.Id, t.YoungPersonId, t.Name, t.SourceKind, t.SourceReference, t.Summary, LondonTime.Of(t.RecordedAt), t.RecordedBy,
        others.TryGetValue(t.Value, out var ids) ? ids : []);

    /// <summary>For each adult, the other young people linked to them in the register (tagged or linked), in one query.</summary>
    internal static async Task<IReadOnlyDictionary<string, List<Guid>>> OthersNamingAsync(
        ReferralsDbContext db, Guid youngPersonId, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var rows = await db.YoungPersonLinks.AsNoTracking()
            .Where(l => l.Kind == LinkKind.Person && values.Contains(l.Value) && l.YoungPersonId != youngPersonId)
            .Select(l => new { l.Value, l.YoungPersonId }).Distinct().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Value).ToDictionary(g => g.Key, g => g.Select(r => r.YoungPersonId).Order().ToList());
    }
}
