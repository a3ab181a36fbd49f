using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Withholds part of a pack from its recipient (REC-09): one span (<c>itemId</c>, <c>field</c>, <c>start</c>,
/// <c>length</c>) or every occurrence of a <c>text</c> anywhere in the pack. A reason is required (422 without one,
/// as issue 16 asks); the recipient is the pack's unless given. The original is never touched. A pack is redacted only
/// when complete (409 while another service's part is awaited), so a redaction by text covers every part.
/// </summary>
public static class RedactDisclosurePack
{
    public sealed record Request(string? ItemId, string? Field, int? Start, int? Length, string? Text, string? Reason, string? Recipient);

    public static async Task<Results<Created<IReadOnlyList<RedactionResponse>>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid packId, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, IOptions<DisclosureOptions> options,
        CancellationToken cancellationToken)
    {
        var bySpan = request.ItemId is not null || request.Field is not null || request.Start is not null || request.Length is not null;
        var errors = new ValidationErrors()
            .When(bySpan == (request.Text is not null), "text", "Give either 'itemId', 'field', 'start' and 'length', or 'text'.")
            .MaxLength("itemId", request.ItemId, 200)
            .MaxLength("field", request.Field, 100)
            .MaxLength("text", request.Text, 1000)
            .When(request.Text is { } t && t.Trim().Length < 2, "text", "'text' must have at least 2 characters.")
            .MaxLength("reason", request.Reason, Redaction.ReasonMaxLength)
            .MaxLength("recipient", request.Recipient, 200);
        if (bySpan)
        {
            errors.Required("itemId", request.ItemId).Required("field", request.Field).Required("start", request.Start).Required("length", request.Length);
        }
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            // REC-09: a redaction without a reason is what hid Child S's sibling; refuse it by name.
            return new ValidationErrors().Add("reason", "Every redaction needs a reason.").ToUnprocessable();
        }
        var pack = await db.DisclosurePacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packId, cancellationToken);
        if (pack is null)
        {
            return TypedResults.NotFound();
        }

        var contents = await PackContents.LoadAsync(db, pack, options.Value, cancellationToken);
        if (!contents.Complete)
        {
            // A redaction by text made now would miss the same words in a part still to come: review the whole pack.
            return Conflicts.Problem("The pack is not complete yet", contents.AwaitingDetail);
        }
        var items = contents.Items;
        var spans = new List<(string ItemId, string Field, int Start, int Length)>();
        if (bySpan)
        {
            if (Redaction.Check(items, request.ItemId!, request.Field!, request.Start!.Value, request.Length!.Value) is { } problem)
            {
                return new ValidationErrors().Add(problem.Field, problem.Message).ToUnprocessable();
            }
            spans.Add((request.ItemId!, request.Field!, request.Start!.Value, request.Length!.Value));
        }
        else
        {
            var text = request.Text!.Trim();
            foreach (var item in items)
            {
                foreach (var (field, value) in item.Text)
                {
                    for (var at = value.IndexOf(text, StringComparison.OrdinalIgnoreCase); at >= 0;
                         at = value.IndexOf(text, at + text.Length, StringComparison.OrdinalIgnoreCase))
                    {
                        spans.Add((item.Id, field, at, text.Length));
                    }
                }
            }
            if (spans.Count == 0)
            {
                return new ValidationErrors().Add("text", "The text does not occur in the pack.").ToUnprocessable();
            }
        }

        var author = user.ToAuthor(clock, DisclosureEndpoints.DisclosureRoles);
        var recipient = string.IsNullOrWhiteSpace(request.Recipient) ? pack.Recipient : request.Recipient.Trim();
        var added = spans.Select(s => Redaction.Add(pack, s.ItemId, s.Field, s.Start, s.Length, request.Reason.Trim(), recipient, author)).ToList();
        db.Redactions.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/disclosure-packs/{packId}?view=side-by-side",
            (IReadOnlyList<RedactionResponse>)added.Select(RedactionResponse.From).ToList());
    }
}
