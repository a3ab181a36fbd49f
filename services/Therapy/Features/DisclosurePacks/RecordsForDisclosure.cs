using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Registry;
using Support.Therapy.Data;

namespace Support.Therapy.Features.DisclosurePacks;

/// <summary>
/// Therapy's part of a disclosure pack (REC-10): every therapy referral about the young person with its outcome and
/// reasons word for word (THR-01, THR-04), the health indicators recorded, and their feedback on the service, whose
/// words are their own (issue 16 item 4).
/// </summary>
public sealed class RecordsForDisclosure(TherapyDbContext db) : IDisclosureContributor
{
    public async Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken)
    {
        var records = new List<DisclosedRecord>();
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.YoungPersonId == youngPersonId)
            .OrderBy(r => r.ReferredAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var offerIds = referrals.Select(r => r.OfferId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        records.AddRange(referrals.Select(r => Disclosed.Record($"therapy-referral:{r.Id}", DisclosedSections.ServiceRecords, r.ReferredAt,
            r.RecordedBy, r.RecordedByRole, r.RecordedAt,
            ("record", "Therapy referral"), ("offer", offers.GetValueOrDefault(r.OfferId)), ("offerType", r.OfferType.ToString()), ("reasonForReferral", r.ReasonForReferral),
            ("riskLevel", r.RiskLevel?.ToString()), ("indicators", string.Join(", ", r.Indicators)), ("status", r.Status.ToString()),
            ("declineReason", r.DeclineReason?.ToString()), ("cseHistoryConsidered", r.CseHistoryConsidered is { } considered ? (considered ? "Yes" : "No") : null),
            ("withdrawalReason", r.WithdrawalReason?.ToString()), ("outcomeNote", r.OutcomeNote), ("outcomeRecordedBy", r.OutcomeRecordedBy),
            ("firstAppointmentAt", r.FirstAppointmentAt?.ToString("O")), ("episodeEndReason", r.EpisodeEndReason?.ToString()),
            ("onwardArrangement", r.OnwardArrangement?.ToString()), ("onwardDetails", r.OnwardDetails), ("episodeClosedBy", r.EpisodeClosedBy))));

        var indicators = await db.HealthIndicators.AsNoTracking().Where(h => h.YoungPersonId == youngPersonId)
            .OrderBy(h => h.OccurredAt).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        records.AddRange(indicators.Select(h => Disclosed.Record($"health-indicator:{h.Id}", DisclosedSections.ServiceRecords, h.OccurredAt,
            h.RecordedBy, h.RecordedByRole, h.RecordedAt,
            ("record", "Health indicator"), ("type", h.Type.ToString()), ("sharingBasis", h.SharingBasis.ToString()))));

        var feedback = await db.Feedback.AsNoTracking().Where(f => f.YoungPersonId == youngPersonId)
            .OrderBy(f => f.GivenAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        records.AddRange(feedback.Select(f => Disclosed.Record($"feedback:{f.Id}", f.Words is null ? DisclosedSections.ServiceRecords : DisclosedSections.OwnWords,
            f.GivenAt, f.RecordedBy, f.RecordedByRole, f.RecordedAt,
            ("source", "Feedback on therapy"), ("moment", f.Moment.ToString()), ("listenedTo", f.ListenedTo?.ToString()),
            ("helped", f.Helped?.ToString()), ("inOwnWords", f.Words))));
        return records;
    }
}
