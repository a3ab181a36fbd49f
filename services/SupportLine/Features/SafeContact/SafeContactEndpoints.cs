using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Conversations;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>
/// SL-03: contacting a young person safely. Their preferences (calls allowed, safe times), a worker's text to one of
/// their numbers, and a call. Numbers go in bodies, never in paths or query strings (request lines are logged, SL-06).
/// </summary>
public static class SafeContactEndpoints
{
    public static IEndpointRouteBuilder MapSafeContactEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supportline/young-people/{id:guid}").WithTags("Safe contact");
        group.MapPost("/contact-preferences", RecordContactPreference.HandleAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        group.MapGet("/contact-preferences", GetContactPreferences.HandleAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        group.MapPost("/texts", TextYoungPerson.HandleAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        group.MapPost("/calls", CallYoungPerson.HandleAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        group.MapGet("/calls", ListCalls.HandleAsync).RequireAuthorization(ConversationEndpoints.InboxStaff).AuditsReadOf(AccessSubjects.YoungPerson);
        return app;
    }

    /// <summary>
    /// The number a worker may contact: the one named (which must be on the young person's record), else their first
    /// number that is confirmed or has a safety decision. An unconfirmed number without a duty manager's recorded
    /// safety decision is a 409 (SL-03); an opted-out one too.
    /// </summary>
    internal static async Task<(YoungPersonPhone? Number, IResult? Refusal)> ContactableNumberAsync(
        SupportLineDbContext db, Guid youngPersonId, string? phone, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!await db.Set<Support.Registry.KnownYoungPerson>().AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            return (null, TypedResults.NotFound());
        }
        var numbers = await db.YoungPersonPhones.Where(p => p.YoungPersonId == youngPersonId).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        YoungPersonPhone? number;
        if (phone is not null)
        {
            if (!E164Numbers.TryNormalise(phone, out var normalised))
            {
                return (null, errors.Add("phone", "'phone' must be a phone number.").ToBadRequest());
            }
            number = numbers.FirstOrDefault(p => p.Phone == normalised);
            if (number is null)
            {
                return (null, errors.Add("phone", "'phone' is not one of this young person's numbers (SL-04).").ToUnprocessable());
            }
        }
        else
        {
            number = numbers.FirstOrDefault(p => p.MayBeTexted) ?? numbers.FirstOrDefault();
            if (number is null)
            {
                return (null, Conflicts.Problem("This young person has no number on record."));
            }
        }
        if (!number.MayBeTexted)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "This number is not confirmed: a duty manager must record a safety decision before anyone texts or calls it (SL-03)."));
        }
        if (await db.OptOuts.AnyAsync(o => o.Phone == number.Phone, cancellationToken))
        {
            return (null, Conflicts.Problem("This number opted out (STOP): nothing is sent to it until they text START."));
        }
        return (number, null);
    }
}
