using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Conversations;

namespace Support.SupportLine.Features.Phones;

/// <summary>
/// The numbers the line knows: outreach workers' (OUT-01, kept by the duty manager), young people's (SL-04, several
/// each), and parents' or carers' (SL-09). Numbers are normalised to E.164; an unreadable one is a 400 naming
/// <c>phone</c>. One number belongs to one register only.
/// </summary>
public static class PhoneEndpoints
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record WorkerPhoneRequest(string? Phone, string? WorkerUserId);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record YoungPersonPhoneRequest(string? Phone, string? OutreachWorkerUserId, bool? Discreet, bool? Confirmed);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record CarerPhoneRequest(string? Phone);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record SafetyDecisionRequest(string? Phone, string? Rationale);

    public sealed record WorkerPhoneView(string Phone, string WorkerUserId, string RegisteredBy, LondonTime RegisteredAt);

    public static IEndpointRouteBuilder MapPhoneEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supportline").WithTags("Phone registers");
        group.MapPost("/worker-phones", RegisterWorkerPhoneAsync).RequireAuthorization(ConversationEndpoints.DutyManagers);
        group.MapGet("/worker-phones", ListWorkerPhonesAsync).RequireAuthorization(ConversationEndpoints.DutyManagers);
        group.MapGet("/worker-phones/mine", ListMyPhonesAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        // A number never goes in a path or query string: request lines are logged (SL-06).
        group.MapPost("/worker-phones/removals", RemoveWorkerPhoneAsync).RequireAuthorization(ConversationEndpoints.DutyManagers);
        group.MapPost("/young-people/{id:guid}/phones", AddYoungPersonPhoneAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        group.MapPost("/young-people/{id:guid}/phones/safety-decision", RecordSafetyDecisionAsync).RequireAuthorization(ConversationEndpoints.DutyManagers);
        group.MapPost("/carer-phones", AddCarerPhoneAsync).RequireAuthorization(ConversationEndpoints.InboxStaff);
        return app;
    }

    private static async Task<string?> RegisteredElsewhereAsync(SupportLineDbContext db, string phone, CancellationToken ct) =>
        // SL-04: a number reported as a perpetrator's is intelligence, never anyone's contact number.
        await db.ReportedNumbers.AnyAsync(p => p.Phone == phone, ct) ? "a person of concern (reported as intelligence, SL-04)"
        : await db.WorkerPhones.AnyAsync(p => p.Phone == phone, ct) ? "an outreach worker"
        : await db.YoungPersonPhones.AnyAsync(p => p.Phone == phone, ct) ? "a young person"
        : await db.CarerPhones.AnyAsync(p => p.Phone == phone, ct) ? "a parent or carer"
        : null;

    public static async Task<IResult> RegisterWorkerPhoneAsync(WorkerPhoneRequest request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("workerUserId", request.WorkerUserId, 200);
        if (!E164Numbers.TryNormalise(request.Phone, out var phone))
        {
            errors.Add("phone", "'phone' must be a phone number, e.g. +447700900123 or 07700 900123.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await RegisteredElsewhereAsync(db, phone, ct) is { } owner)
        {
            return Conflicts.Problem($"This number is already registered to {owner}.");
        }
        var author = user.ToAuthor(clock);
        db.WorkerPhones.Add(new WorkerPhone { Phone = phone, WorkerUserId = request.WorkerUserId!.Trim(), RegisteredBy = author.UserId, RegisteredAt = author.At });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/supportline/worker-phones", new WorkerPhoneView(phone, request.WorkerUserId.Trim(), author.UserId, LondonTime.Of(author.At)));
    }

    public static async Task<IResult> ListWorkerPhonesAsync(SupportLineDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.WorkerPhones.AsNoTracking().OrderBy(p => p.WorkerUserId).ToListAsync(ct))
            .Select(p => new WorkerPhoneView(p.Phone, p.WorkerUserId, p.RegisteredBy, LondonTime.Of(p.RegisteredAt))).ToList());

    /// <summary>The signed-in worker's own registered numbers: the phones a call to a young person can connect to.</summary>
    public static async Task<IResult> ListMyPhonesAsync(ClaimsPrincipal user, SupportLineDbContext db, CancellationToken ct)
    {
        var workerId = user.UserId();
        return TypedResults.Ok((await db.WorkerPhones.AsNoTracking().Where(p => p.WorkerUserId == workerId).OrderBy(p => p.RegisteredAt).ToListAsync(ct))
            .Select(p => new WorkerPhoneView(p.Phone, p.WorkerUserId, p.RegisteredBy, LondonTime.Of(p.RegisteredAt))).ToList());
    }

    public static async Task<IResult> RemoveWorkerPhoneAsync(CarerPhoneRequest request, SupportLineDbContext db, CancellationToken ct)
    {
        if (!E164Numbers.TryNormalise(request.Phone, out var normalised))
        {
            return new ValidationErrors().Add("phone", "'phone' must be a phone number.").ToBadRequest();
        }
        var registered = await db.WorkerPhones.FindAsync(new object[] { normalised }, ct);
        if (registered is null)
        {
            return TypedResults.NotFound();
        }
        db.WorkerPhones.Remove(registered);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>SL-04: another of the young person's numbers. Discreet unless said otherwise (SL-03).</summary>
    public static async Task<IResult> AddYoungPersonPhoneAsync(Guid id, YoungPersonPhoneRequest request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("outreachWorkerUserId", request.OutreachWorkerUserId, 200);
        if (!E164Numbers.TryNormalise(request.Phone, out var phone))
        {
            errors.Add("phone", "'phone' must be a phone number, e.g. +447700900123 or 07700 900123.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.Set<Support.Registry.KnownYoungPerson>().AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        if (await RegisteredElsewhereAsync(db, phone, ct) is { } owner)
        {
            return Conflicts.Problem($"This number is already registered to {owner}.");
        }
        var author = user.ToAuthor(clock);
        db.YoungPersonPhones.Add(new YoungPersonPhone
        {
            Phone = phone, YoungPersonId = id, OutreachWorkerUserId = request.OutreachWorkerUserId?.Trim(), Discreet = request.Discreet ?? true,
            Confirmed = request.Confirmed ?? false, RecordedBy = author.UserId, RecordedAt = author.At,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/supportline/young-people/{id}/phones", new { phone = E164Numbers.Masked(phone), confirmed = request.Confirmed ?? false });
    }

    /// <summary>SL-03: a duty manager's recorded decision that an unconfirmed number is safe to text.</summary>
    public static async Task<IResult> RecordSafetyDecisionAsync(Guid id, SafetyDecisionRequest request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("rationale", request.Rationale, 1000);
        if (!E164Numbers.TryNormalise(request.Phone, out var phone))
        {
            errors.Add("phone", "'phone' must be a phone number.");
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var number = await db.YoungPersonPhones.SingleOrDefaultAsync(p => p.Phone == phone && p.YoungPersonId == id, ct);
        if (number is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        number.SafetyDecisionBy = author.UserId;
        number.SafetyDecisionAt = author.At;
        number.SafetyDecisionRationale = request.Rationale!.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> AddCarerPhoneAsync(CarerPhoneRequest request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!E164Numbers.TryNormalise(request.Phone, out var phone))
        {
            return new ValidationErrors().Add("phone", "'phone' must be a phone number.").ToBadRequest();
        }
        if (await RegisteredElsewhereAsync(db, phone, ct) is { } owner)
        {
            return Conflicts.Problem($"This number is already registered to {owner}.");
        }
        var author = user.ToAuthor(clock);
        db.CarerPhones.Add(new CarerPhone { Phone = phone, RecordedBy = author.UserId, RecordedAt = author.At });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/supportline/carer-phones", new { phone = E164Numbers.Masked(phone) });
    }
}
