using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Conversations;

/// <summary>
/// SL-04, SL-03: a worker records a number the texter said belongs to someone harming them. It is stored as
/// intelligence and proposed to Referrals' person-of-concern links (<c>PersonOfConcernNumberReported</c>); it is never
/// a contact number, so no register accepts it and nothing is sent to it. A number already registered as a young
/// person's, a carer's or a worker's is 409: that needs a duty manager to untangle, not a silent overwrite.
/// </summary>
public static class ReportPersonOfConcernNumber
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Phone, string? Description);

    public static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, SupportLineDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("description", request.Description, 1000);
        if (!E164Numbers.TryNormalise(request.Phone, out var phone))
        {
            errors.Add("phone", "'phone' must be a phone number.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.YoungPersonPhones.AnyAsync(p => p.Phone == phone, ct) || await db.CarerPhones.AnyAsync(p => p.Phone == phone, ct)
            || await db.WorkerPhones.AnyAsync(p => p.Phone == phone, ct))
        {
            return Conflicts.Problem("This number is registered as a contact number; a duty manager must review it.");
        }
        var author = user.ToAuthor(clock);
        var report = new ReportedNumber
        {
            Id = Guid.CreateVersion7(author.At), Phone = phone, ConversationId = id, Description = request.Description!.Trim(),
            ReportedBy = author.UserId, ReportedAt = author.At,
        };
        db.ReportedNumbers.Add(report);
        outbox.Add(new PersonOfConcernNumberReported
        {
            ReportId = report.Id, YoungPersonId = conversation.YoungPersonId, Phone = phone, Description = report.Description,
            ReportedBy = author.UserId, OccurredAt = author.At,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/supportline/conversations/{id}", new { report.Id });
    }
}
