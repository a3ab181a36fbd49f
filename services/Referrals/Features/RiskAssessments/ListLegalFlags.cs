using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.RiskAssessments;

public sealed record LegalFlagResponse(Guid Id, LegalFlag Flag, Guid SourceId, DateOnly EventDate, int AgeOnEventDate, LondonTime RaisedAt, string RaisedBy);

/// <summary>REF-07: the legal age flags on a young person's record.</summary>
public static class ListLegalFlags
{
    public static async Task<Ok<IReadOnlyList<LegalFlagResponse>>> HandleAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var flags = await db.LegalFlags.AsNoTracking().Where(f => f.YoungPersonId == id).OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LegalFlagResponse>>(flags
            .Select(f => new LegalFlagResponse(f.Id, f.Flag, f.SourceId, f.EventDate, f.AgeOnEventDate, LondonTime.Of(f.RaisedAt), f.RaisedBy)).ToList());
    }
}
