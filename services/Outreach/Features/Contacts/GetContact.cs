using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Outreach.Features.Contacts;

/// <summary>One contact, with the entries that correct it. A read of a child's contact is a read of their record (REC-08).</summary>
public static class GetContact
{
    public static async Task<Results<Ok<ContactResponse>, NotFound>> HandleAsync(
        Guid id, OutreachDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        if (await ContactRecording.RegisteredYoungPersonOfAsync(db, contact, cancellationToken) is { } youngPersonId)
        {
            await accessLog.RecordAsync(AccessSubjects.YoungPerson, [youngPersonId], AccessActions.Read, cancellationToken);
        }
        return TypedResults.Ok(await ContactRecording.ResponseAsync(db, contact, cancellationToken));
    }
}
