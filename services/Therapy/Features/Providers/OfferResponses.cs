using Support.Therapy.Domain;

namespace Support.Therapy.Features.Providers;

public sealed record ProviderResponse(Guid Id, string Name, string? ReferralRoute);

public sealed record FundingResponse(DateOnly From, DateOnly To, decimal Amount, string Source, decimal? FundedFte);

public sealed record OfferResponse(
    Guid Id, Guid ProviderId, string Provider, string Name, string Type, IReadOnlyList<string> Settings, string Eligibility, string IntendedOutcomes,
    int MinimumAge, int? MaximumAge, int CommissionedCapacity, int CapacityUsed, int CapacityRemaining, bool FundedToday,
    int? DaysToFundingEnd, IReadOnlyList<FundingResponse> Funding)
{
    public static OfferResponse Of(Offer offer, string provider, int used, DateOnly today)
    {
        var current = offer.FundingOn(today);
        return new OfferResponse(offer.Id, offer.ProviderId, provider, offer.Name, offer.Type.ToString(), [.. offer.Settings.Select(s => s.ToString())],
            offer.Eligibility, offer.IntendedOutcomes, offer.MinimumAge, offer.MaximumAge, offer.CommissionedCapacity, used,
            Math.Max(0, offer.CommissionedCapacity - used), current is not null, current is null ? null : current.To.DayNumber - today.DayNumber,
            [.. offer.Funding.OrderBy(f => f.From).Select(f => new FundingResponse(f.From, f.To, f.Amount, f.Source.ToString(), f.FundedFte))]);
    }
}
