using Support.Contracts.Registry;
using Support.Referrals.Domain.Retention;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Retention;

public sealed record LegalHoldResponse(
    Guid Id, Guid YoungPersonId, string Reason, LondonTime PlacedAt, string PlacedBy, string PlacedByRole, bool Active,
    LondonTime? ReleasedAt, string? ReleasedBy, string? ReleaseReason)
{
    public static LegalHoldResponse From(LegalHold h) => new(
        h.Id, h.YoungPersonId, h.Reason, LondonTime.Of(h.PlacedAt), h.PlacedBy, h.PlacedByRole, h.IsActive,
        LondonTime.Of(h.ReleasedAt), h.ReleasedBy, h.ReleaseReason);
}

public sealed record RetentionRunResponse(Guid Id, LondonTime StartedAt, string StartedBy, DateOnly Today, int Erased, int Held)
{
    public static RetentionRunResponse From(RetentionRun r) => new(r.Id, LondonTime.Of(r.StartedAt), r.StartedBy, r.Today, r.Erased, r.Held);
}

public sealed record TombstoneEntryResponse(string Service, string Table, int Rows, LondonTime RecordedAt);

/// <summary>A tombstone with each service's answer so far; <c>services</c> lists which have answered.</summary>
public sealed record TombstoneResponse(
    Guid Id, Guid YoungPersonId, RetentionRule Rule, DateOnly RetainUntil, LondonTime ErasedAt, Guid RunId,
    IReadOnlyList<string> Services, IReadOnlyList<TombstoneEntryResponse> Removed)
{
    public static TombstoneResponse From(RetentionTombstone t, IEnumerable<RetentionTombstoneEntry> entries)
    {
        var list = entries.OrderBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Table, StringComparer.Ordinal).ToList();
        return new(t.Id, t.YoungPersonId, t.Rule, t.RetainUntil, LondonTime.Of(t.ErasedAt), t.RunId,
            [.. list.Select(e => e.Service).Distinct()], [.. list.Select(e => new TombstoneEntryResponse(e.Service, e.Table, e.Rows, LondonTime.Of(e.RecordedAt)))]);
    }
}
