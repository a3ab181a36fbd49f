using Support.Referrals.Domain.CrossReferences;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>
/// A cross-reference as a reader sees it: <c>summary</c> and <c>sourceReference</c> are null and <c>restricted</c> is true
/// when the reader may not read the source child's record.
/// </summary>
public sealed record CrossReferenceResponse(
    Guid Id, Guid YoungPersonId, Guid SourceYoungPersonId, string SourceKind, string? SourceReference, string? Summary, bool Restricted,
    IReadOnlyList<string> KeyWorkers, IReadOnlyList<string> AcknowledgedBy, LondonTime RecordedAt, string RecordedBy)
{
    public static CrossReferenceResponse From(CrossReference r, bool showSummary, IReadOnlyList<string> acknowledgedBy) => new(
        r.Id, r.TaggedYoungPersonId, r.SourceYoungPersonId, r.SourceKind, showSummary ? r.SourceReference : null, showSummary ? r.Summary : null, !showSummary,
        r.KeyWorkers, acknowledgedBy, LondonTime.Of(r.RecordedAt), r.RecordedBy);
}
