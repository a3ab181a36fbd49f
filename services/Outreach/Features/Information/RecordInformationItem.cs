using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Messaging.Outbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Information;

/// <summary>
/// OUT-03, INT-01, INT-07: record soft information word for word, with its provenance, grading and mentions. Nothing
/// is refused for being second- or third-hand or anonymous. An item may be about a registered young person, an alias,
/// or nobody yet (a place, a car); it may point at the contact where it was told and at a location.
/// </summary>
public static class RecordInformationItem
{
    public const int MaxMentions = 50;

    /// <param name="Kind">Person, Nickname, Vehicle, Phone, Address or Place.</param>
    /// <param name="Value">As the source said it.</param>
    /// <param name="Gender">A person's or nickname's gender as the source described it (OUT-10), optional.</param>
    /// <param name="Ethnicity">Their ethnicity as the source described it (OUT-10), optional.</param>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record MentionRequest(string? Kind, string? Value, string? Gender = null, string? Ethnicity = null);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(
        Guid? YoungPersonId, Guid? AliasId, Guid? ContactId, Guid? LocationId,
        string? Words, string? SourceKind, string? ReportedBy, string? Hand, string? ReceivedAt,
        string? SourceEvaluation, string? IntelligenceAssessment, string? Handling,
        IReadOnlyList<MentionRequest?>? Mentions);

    public static async Task<Results<Created<InformationItemResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, HttpRequest http, ClaimsPrincipal user, OutreachDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("words", request.Words, OutreachDbContext.InformationWordsMax, required: true, multiline: true)
            .Text("reportedBy", request.ReportedBy, 200, required: true);
        var key = errors.IdempotencyKey(http);
        var sourceKind = errors.Named<InformationSourceKind>("sourceKind", request.SourceKind, required: true);
        var hand = errors.Named<Hand>("hand", request.Hand, required: true);
        var receivedAt = errors.Instant("receivedAt", request.ReceivedAt, required: true);
        var evaluation = errors.Named<SourceEvaluation>("sourceEvaluation", request.SourceEvaluation);
        var assessment = errors.Named<IntelligenceAssessment>("intelligenceAssessment", request.IntelligenceAssessment);
        var handling = errors.Named<HandlingCode>("handling", request.Handling);
        errors.When(request.YoungPersonId is not null && request.AliasId is not null, "aliasId", "Give 'youngPersonId' or 'aliasId', not both.")
            .When(request.Mentions is { Count: > MaxMentions }, "mentions", $"At most {MaxMentions} mentions.");
        var mentions = new List<MentionDraft>();
        foreach (var (mention, i) in (request.Mentions ?? []).Take(MaxMentions).Select((m, i) => (m, i)))
        {
            var field = $"mentions[{i}]";
            var kind = errors.Named<MentionKind>($"{field}.kind", mention?.Kind, required: true);
            errors.Text($"{field}.value", mention?.Value, 200, required: true);
            errors.Text($"{field}.gender", mention?.Gender, 100).Text($"{field}.ethnicity", mention?.Ethnicity, 100);
            var gender = Input.Clean(mention?.Gender);
            var ethnicity = Input.Clean(mention?.Ethnicity);
            if (kind is { } describedKind && !MentionDraft.Describable(describedKind))
            {
                errors.When(gender is not null, $"{field}.gender", "Only a person or a nickname is described by gender (OUT-10).")
                    .When(ethnicity is not null, $"{field}.ethnicity", "Only a person or a nickname is described by ethnicity (OUT-10).");
            }
            if (kind is { } k && !string.IsNullOrWhiteSpace(mention?.Value) && !errors.ToDictionary().ContainsKey($"{field}.value"))
            {
                if (Mentions.TryNormalise(k, mention.Value, out var normalised))
                {
                    mentions.Add(new MentionDraft(k, mention.Value.Trim(), normalised, gender, ethnicity));
                }
                else
                {
                    errors.Add($"{field}.value", $"'{field}.value' is not a recognisable {k.ToString().ToLowerInvariant()}.");
                }
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var author = user.ToAuthor(clock);
        if (key is not null && await FindByKeyAsync(db, author.UserId, key, cancellationToken) is { } replay)
        {
            return await CreatedAsync(db, replay, author.At, cancellationToken);
        }
        errors.When(receivedAt > author.At + Contact.ClockSkewAllowance, "receivedAt", "'receivedAt' is in the future.")
            .When(receivedAt < Contact.Earliest, "receivedAt", "'receivedAt' is before 2000.");
        if (request.YoungPersonId is { } youngPersonId && !await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            errors.Add("youngPersonId", "No young person with this id is known to the Outreach service.");
        }
        if (request.AliasId is { } aliasId && !await db.Aliases.AnyAsync(a => a.Id == aliasId, cancellationToken))
        {
            errors.Add("aliasId", "No alias with this id.");
        }
        if (request.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            errors.Add("contactId", "No contact with this id.");
        }
        if (request.LocationId is { } locationId && !await db.Locations.AnyAsync(l => l.Id == locationId, cancellationToken))
        {
            errors.Add("locationId", "No location with this id.");
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var item = InformationItem.Record(new InformationDraft(request.YoungPersonId, request.AliasId, request.ContactId, request.LocationId,
            request.Words!.Trim(), sourceKind!.Value, request.ReportedBy!.Trim(), hand!.Value, receivedAt!.Value, evaluation, assessment, handling,
            mentions), author, key);
        db.InformationItems.Add(item);
        if (await PersonOfConcernProposals.YoungPersonOfAsync(db, item.YoungPersonId, item.AliasId, cancellationToken) is { } subject)
        {
            await PersonOfConcernProposals.ProposeAsync(db, outbox, [item], subject, author, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && key is not null)
        {
            db.ChangeTracker.Clear();
            return await CreatedAsync(db, await FindByKeyAsync(db, author.UserId, key, cancellationToken)
                ?? throw new InvalidOperationException("A unique key refused the item but no item holds its idempotency key.", e), author.At, cancellationToken);
        }
        return await CreatedAsync(db, item, author.At, cancellationToken);
    }

    private static Task<InformationItem?> FindByKeyAsync(OutreachDbContext db, string recordedBy, string key, CancellationToken cancellationToken) =>
        db.InformationItems.AsNoTracking().Include(i => i.Mentions)
            .SingleOrDefaultAsync(i => i.RecordedBy == recordedBy && i.IdempotencyKey == key, cancellationToken);

    private static async Task<Created<InformationItemResponse>> CreatedAsync(OutreachDbContext db, InformationItem item, DateTimeOffset now, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/outreach/information-items/{item.Id}",
            InformationItemResponse.From(item, [], now, await PersonOfConcernProposals.LinksAsync(db, [item.Id], cancellationToken)));
}
