using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Providers;

/// <summary>
/// THR-03, THR-06, THR-09: an offer with its published eligibility and intended outcomes, where it is delivered, the
/// ages it takes (no upper age unless given, THR-05), commissioned capacity and funding per period. Eligibility is
/// text a young person can read, never a criminal-process field (THR-04).
/// </summary>
public static class AddOffer
{
    public const int MaxAge = 120;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(
        string? Name, string? Type, IReadOnlyList<string>? Settings, string? Eligibility, string? IntendedOutcomes, int? MinimumAge, int? MaximumAge,
        int? CommissionedCapacity, IReadOnlyList<FundingRequest>? Funding);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record FundingRequest(string? From, string? To, decimal? Amount, string? Source, decimal? FundedFte);

    public static async Task<Results<Created<OfferResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("name", request.Name, 200, required: true)
            .Text("eligibility", request.Eligibility, 4000, required: true, multiline: true)
            .Text("intendedOutcomes", request.IntendedOutcomes, 4000, required: true, multiline: true)
            .Required("minimumAge", request.MinimumAge)
            .Required("commissionedCapacity", request.CommissionedCapacity)
            .When(request.MinimumAge is < 0 or > MaxAge, "minimumAge", $"'minimumAge' must be 0 to {MaxAge}.")
            .When(request.MaximumAge is < 0 or > MaxAge, "maximumAge", $"'maximumAge' must be 0 to {MaxAge}.")
            .When(request.CommissionedCapacity is < 0 or > 100_000, "commissionedCapacity", "'commissionedCapacity' must be 0 to 100000.");
        var type = errors.Named<OfferType>("type", request.Type, required: true);
        var settings = new List<DeliverySetting>();
        if (request.Settings is not { Count: > 0 })
        {
            errors.Add("settings", "'settings' needs at least one of: " + string.Join(", ", Enum.GetNames<DeliverySetting>()) + ".");
        }
        else
        {
            for (var i = 0; i < request.Settings.Count; i++)
            {
                if (errors.Named<DeliverySetting>($"settings[{i}]", request.Settings[i], required: true) is { } setting)
                {
                    settings.Add(setting);
                }
            }
        }
        var funding = new List<OfferFunding>();
        foreach (var (f, i) in errors.Present("funding", request.Funding))
        {
            var field = $"funding[{i}]";
            var from = errors.Date($"{field}.from", f.From, required: true);
            var to = errors.Date($"{field}.to", f.To, required: true);
            var source = errors.Named<FundingSource>($"{field}.source", f.Source, required: true);
            errors.Required($"{field}.amount", f.Amount)
                .When(f.Amount is < 0 or > 1_000_000_000, $"{field}.amount", $"'{field}.amount' must be 0 to 1000000000.")
                .When(f.FundedFte is < 0 or > 10_000, $"{field}.fundedFte", $"'{field}.fundedFte' must be 0 to 10000.");
            if (from is { } start && to is { } end && source is { } s && f.Amount is { } amount)
            {
                funding.Add(new OfferFunding(start, end, amount, s, f.FundedFte));
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (request.MaximumAge < request.MinimumAge)
        {
            errors.Add("maximumAge", "'maximumAge' cannot be below 'minimumAge'.");
        }
        for (var i = 0; i < funding.Count; i++)
        {
            if (funding[i].To < funding[i].From)
            {
                errors.Add($"funding[{i}].to", "A funding period cannot end before it starts.");
            }
            else if (funding.Take(i).Any(other => other.From <= funding[i].To && funding[i].From <= other.To))
            {
                errors.Add($"funding[{i}]", "Funding periods of one offer cannot overlap.");
            }
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }
        var offer = Offer.Create(provider.Id, request.Name!.Trim(), type!.Value, settings, request.Eligibility!.Trim(), request.IntendedOutcomes!.Trim(),
            request.MinimumAge!.Value, request.MaximumAge, request.CommissionedCapacity!.Value, funding, user.ToAuthor(clock, Access.OfferManagerRoles));
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/therapy/offers/{offer.Id}", OfferResponse.Of(offer, provider.Name, 0, London.Today(clock)));
    }
}
