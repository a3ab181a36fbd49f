using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>
/// SL-03: what the young person said about being contacted: whether they can be called, and the daily London-time
/// windows in which a text or call is safe (none: any time). A new version each time; the earlier ones are kept.
/// </summary>
public static class RecordContactPreference
{
    public const int MaxWindows = 6;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(bool? AllowsCalls, IReadOnlyList<string?>? SafeTimes, string? Note);

    public static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("allowsCalls", request.AllowsCalls).MaxLength("note", request.Note, 1000)
            .When(request.SafeTimes is { Count: > MaxWindows }, "safeTimes", $"'safeTimes' holds at most {MaxWindows} windows.");
        var windows = new List<SafeWindow>();
        foreach (var (text, index) in (request.SafeTimes ?? []).Select((t, i) => (t, i)))
        {
            if (SafeWindow.TryParse(text, out var window))
            {
                windows.Add(window);
            }
            else
            {
                errors.Add($"safeTimes[{index}]", "Each safe time is a daily London-time window 'HH:mm-HH:mm' (for example '16:00-21:00', or '22:00-02:00' across midnight).");
            }
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.Set<Support.Registry.KnownYoungPerson>().AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var preference = new ContactPreference
        {
            Id = Guid.CreateVersion7(author.At), YoungPersonId = id, AllowsCalls = request.AllowsCalls!.Value,
            SafeTimes = windows.Select(w => w.ToString()).ToList(), Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedBy = author.UserId, RecordedAt = author.At,
        };
        db.ContactPreferences.Add(preference);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/supportline/young-people/{id}/contact-preferences", GetContactPreferences.View.Of(preference, clock.GetUtcNow()));
    }
}
