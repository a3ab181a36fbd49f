using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

/// <summary>Where an offer is delivered (THR-03): victims are not always the ones who approach services.</summary>
public enum DeliverySetting
{
    Clinic,
    Home,
    School,
    OutreachVenue,
    Remote,
}

/// <summary>Who pays for a commission (THR-09).</summary>
public enum FundingSource
{
    Council,
    Ccg,
    PublicHealth,
}

/// <summary>A commissioned provider: CAMHS, a voluntary-sector counselling service, a court-support charity (THR-03, THR-09).</summary>
public sealed class Provider
{
    private Provider() { }

    public Guid Id { get; private init; }
    public string Name { get; private init; } = "";
    public string? ReferralRoute { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static Provider Register(string name, string? referralRoute, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), Name = name, ReferralRoute = referralRoute, RecordedBy = author.UserId, RecordedAt = author.At,
    };
}

/// <summary>
/// One offer a provider is commissioned to make (THR-03, THR-06): its published eligibility and intended outcomes,
/// where it is delivered, its funding per period and its commissioned capacity. Capacity used is never stored: it is
/// the referrals accepted onto the offer and not yet ended, counted when asked. No eligibility field refers to any
/// criminal process (THR-04), and no upper age is assumed: therapy does not stop at 18 (THR-05).
/// </summary>
public sealed class Offer
{
    private Offer() { }

    public Guid Id { get; private init; }
    public Guid ProviderId { get; private init; }
    public string Name { get; private init; } = "";
    public OfferType Type { get; private init; }
    public List<DeliverySetting> Settings { get; private init; } = [];
    /// <summary>The published eligibility criteria, word for word (THR-06).</summary>
    public string Eligibility { get; private init; } = "";
    public string IntendedOutcomes { get; private init; } = "";
    public int MinimumAge { get; private init; }
    /// <summary>None means no upper age (THR-05).</summary>
    public int? MaximumAge { get; private init; }
    /// <summary>How many young people the offer is commissioned to work with at once.</summary>
    public int CommissionedCapacity { get; private init; }
    public List<OfferFunding> Funding { get; private init; } = [];
    public string RecordedBy { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static Offer Create(Guid providerId, string name, OfferType type, IReadOnlyCollection<DeliverySetting> settings, string eligibility,
        string intendedOutcomes, int minimumAge, int? maximumAge, int capacity, IEnumerable<OfferFunding> funding, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), ProviderId = providerId, Name = name, Type = type, Settings = [.. settings.Distinct()],
        Eligibility = eligibility, IntendedOutcomes = intendedOutcomes, MinimumAge = minimumAge, MaximumAge = maximumAge,
        CommissionedCapacity = capacity, Funding = [.. funding], RecordedBy = author.UserId, RecordedAt = author.At,
    };

    public bool Admits(int age) => age >= MinimumAge && (MaximumAge is null || age <= MaximumAge);

    /// <summary>Funded on <paramref name="date"/>: some funding period covers it.</summary>
    public bool FundedOn(DateOnly date) => Funding.Any(f => f.From <= date && date <= f.To);

    /// <summary>The funding period in force on <paramref name="date"/> that ends soonest (how close the commission is to its end, THR-09).</summary>
    public OfferFunding? FundingOn(DateOnly date) => Funding.Where(f => f.From <= date && date <= f.To).OrderBy(f => f.To).FirstOrDefault();
}

/// <summary>A commission's funding for one period (THR-09): amount, source, funded FTE.</summary>
public sealed record OfferFunding(DateOnly From, DateOnly To, decimal Amount, FundingSource Source, decimal? FundedFte);
