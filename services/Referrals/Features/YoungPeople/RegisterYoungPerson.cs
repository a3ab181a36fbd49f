using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.YoungPeople;

public static class RegisterYoungPerson
{
    public static async Task<Results<Created<YoungPersonResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        PersonDetailsInput request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = PersonDetailsValidation.Validate(request, errors);
        if (details is null)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        PersonDetailsValidation.CheckRules(details, DateOnly.FromDateTime(author.At.UtcDateTime), errors);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }

        var person = YoungPerson.Register(details, author);
        db.YoungPeople.Add(person);
        // Same transaction as the registration: the event is published if and only if the person was stored.
        outbox.Add(RegistryEvents.Registered(person, author.At));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{person.Id}", YoungPersonResponse.From(person));
    }
}
