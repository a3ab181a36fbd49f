using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>The young person's current contact preferences (SL-03) with whether now is a safe time, and every earlier version.</summary>
public static class GetContactPreferences
{
    public sealed record View(bool AllowsCalls, IReadOnlyList<string> SafeTimes, string? Note, string RecordedBy, LondonTime RecordedAt, bool SafeNow, LondonTime NextSafeTime)
    {
        public static View Of(ContactPreference preference, DateTimeOffset now) =>
            new(preference.AllowsCalls, preference.SafeTimes, preference.Note, preference.RecordedBy, LondonTime.Of(preference.RecordedAt),
                preference.IsSafeAt(now), LondonTime.Of(preference.NextSafeTime(now)));
    }

    public sealed record Response(View? Current, IReadOnlyList<View> Earlier);

    public static async Task<IResult> HandleAsync(Guid id, SupportLineDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Set<Support.Registry.KnownYoungPerson>().AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var versions = (await db.ContactPreferences.AsNoTracking().Where(p => p.YoungPersonId == id)
            .OrderByDescending(p => p.Version).ToListAsync(cancellationToken))
            .Select(p => View.Of(p, now)).ToList();
        return TypedResults.Ok(new Response(versions.FirstOrDefault(), versions.Skip(1).ToList()));
    }
}
