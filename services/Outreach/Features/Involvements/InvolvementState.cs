using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Involvements;

public sealed record HandoverResponse(Guid Id, string FromWorkerUserId, string ToWorkerUserId, string Reason, LondonTime HandedAt, string HandedBy);

public sealed record EndingResponse(string Reason, bool YoungPersonTold, string YoungPersonResponse, LondonTime? LastDisclosureAt, LondonTime EndedAt, string EndedBy, string EndedByRole);

/// <summary>
/// An involvement as it stands. <c>status</c>: <c>Open</c> or <c>Ended</c>. <c>noContactAlertDueAt</c>: when the
/// OUT-06 alert falls due if nobody sees the young person (open involvements of a young person rated High or above).
/// </summary>
public sealed record InvolvementResponse(
    Guid Id, Guid YoungPersonId, DateOnly Since, string StartedByWorker, string CurrentWorkerUserId, string Status,
    LondonTime RecordedAt, string RecordedBy, RiskLevel? RiskLevel, LondonTime? LastContactAt, LondonTime? NoContactAlertDueAt,
    IReadOnlyList<HandoverResponse> Handovers, EndingResponse? Ending);

/// <summary>What an involvement's rules read: who holds it, the young person's last contact and last disclosure.</summary>
internal static class InvolvementState
{
    public static readonly IReadOnlyList<string> Managers = [Roles.TeamManager, Roles.SeniorManager];

    public static bool IsAlerting(RiskLevel? level) => level is RiskLevel.High or RiskLevel.VeryHigh;

    public static string CurrentWorker(Involvement involvement, IEnumerable<InvolvementHandover> handovers) =>
        handovers.Where(h => h.InvolvementId == involvement.Id).OrderBy(h => h.HandedAt).ThenBy(h => h.Id).LastOrDefault()?.ToWorkerUserId
        ?? involvement.WorkerUserId;

    /// <summary>The latest contact with each young person, those under their matched aliases included.</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> LastContactsAsync(OutreachDbContext db, IReadOnlyCollection<Guid> youngPeople, CancellationToken cancellationToken)
    {
        var direct = await db.Contacts.AsNoTracking().Where(c => c.YoungPersonId != null && youngPeople.Contains(c.YoungPersonId.Value))
            .GroupBy(c => c.YoungPersonId!.Value).Select(g => new { Id = g.Key, At = g.Max(c => c.ContactedAt) }).ToListAsync(cancellationToken);
        var viaAlias = await db.AliasMatches.AsNoTracking().Where(m => youngPeople.Contains(m.YoungPersonId))
            .Join(db.Contacts, m => m.AliasId, c => c.AliasId, (m, c) => new { m.YoungPersonId, c.ContactedAt })
            .GroupBy(x => x.YoungPersonId).Select(g => new { Id = g.Key, At = g.Max(x => x.ContactedAt) }).ToListAsync(cancellationToken);
        return direct.Concat(viaAlias).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Max(x => x.At));
    }

    /// <summary>
    /// OUT-06's "last disclosure": the latest information the young person gave in their own words
    /// (<c>YoungPersonFirstHand</c>), under their id or a matched alias, by when it was told.
    /// </summary>
    public static async Task<DateTimeOffset?> LastDisclosureAsync(OutreachDbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        var aliases = await db.AliasMatches.AsNoTracking().Where(m => m.YoungPersonId == youngPersonId).Select(m => m.AliasId).ToListAsync(cancellationToken);
        return await db.InformationItems.AsNoTracking()
            .Where(i => i.SourceKind == InformationSourceKind.YoungPersonFirstHand
                && (i.YoungPersonId == youngPersonId || (i.AliasId != null && aliases.Contains(i.AliasId.Value))))
            .MaxAsync(i => (DateTimeOffset?)i.ReceivedAt, cancellationToken);
    }

    public static async Task<List<InvolvementResponse>> ResponsesAsync(
        OutreachDbContext db, IReadOnlyList<Involvement> involvements, TimeSpan alertAfter, CancellationToken cancellationToken)
    {
        var ids = involvements.Select(i => i.Id).ToList();
        var people = involvements.Select(i => i.YoungPersonId).Distinct().ToList();
        var handovers = await db.InvolvementHandovers.AsNoTracking().Where(h => ids.Contains(h.InvolvementId)).ToListAsync(cancellationToken);
        var endings = await db.InvolvementEndings.AsNoTracking().Where(e => ids.Contains(e.InvolvementId)).ToDictionaryAsync(e => e.InvolvementId, cancellationToken);
        var levels = await db.YoungPersonRiskLevels.AsNoTracking().Where(r => people.Contains(r.YoungPersonId)).ToDictionaryAsync(r => r.YoungPersonId, r => r.Level, cancellationToken);
        var lastContacts = await LastContactsAsync(db, people, cancellationToken);
        return [.. involvements.Select(i =>
        {
            var ending = endings.GetValueOrDefault(i.Id);
            RiskLevel? level = levels.TryGetValue(i.YoungPersonId, out var l) ? l : null;
            DateTimeOffset? lastContact = lastContacts.TryGetValue(i.YoungPersonId, out var c) ? c : null;
            var due = ending is null && IsAlerting(level) ? GapSince(i, lastContact) + alertAfter : (DateTimeOffset?)null;
            return new InvolvementResponse(i.Id, i.YoungPersonId, i.Since, i.WorkerUserId, CurrentWorker(i, handovers), ending is null ? "Open" : "Ended",
                LondonTime.Of(i.RecordedAt), i.RecordedBy, level, LondonTime.Of(lastContact), LondonTime.Of(due),
                [.. handovers.Where(h => h.InvolvementId == i.Id).OrderBy(h => h.HandedAt)
                    .Select(h => new HandoverResponse(h.Id, h.FromWorkerUserId, h.ToWorkerUserId, h.Reason, LondonTime.Of(h.HandedAt), h.HandedBy))],
                ending is null ? null : new EndingResponse(ending.Reason, ending.YoungPersonTold, ending.YoungPersonResponse,
                    LondonTime.Of(ending.LastDisclosureAt), LondonTime.Of(ending.EndedAt), ending.EndedBy, ending.EndedByRole));
        })];
    }

    /// <summary>The gap runs from the last contact, or from when the involvement was recorded if that is later (or there was none).</summary>
    public static DateTimeOffset GapSince(Involvement involvement, DateTimeOffset? lastContact) =>
        lastContact is { } at && at > involvement.RecordedAt ? at : involvement.RecordedAt;
}
