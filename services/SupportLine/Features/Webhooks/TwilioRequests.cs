using System.Collections.Specialized;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Twilio.Security;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>A webhook Twilio signed, with its form fields.</summary>
public sealed record SignedForm(IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Reads and authenticates a Twilio webhook (twilio.md §1, §2). The body is read up to 64 KB (larger is refused), must be
/// form-encoded, and must carry an <c>X-Twilio-Signature</c> that Twilio's <see cref="RequestValidator"/> accepts for
/// the configured public URL (with and without the default port, as the SDK checks) over every field received (never an
/// allow-list). The URL comes from configuration, never from Request.Host: behind the gateway and TLS termination the
/// host and scheme this process sees are not what Twilio called. A request from another account is refused too.
/// </summary>
public static class TwilioRequests
{
    public const int MaxBodyBytes = 64 * 1024;

    public enum Outcome
    {
        Valid,
        BadRequest,
        Forbidden,
    }

    /// <summary>What every webhook answers a request <see cref="ReadAsync"/> refused: 400 or 403, and nothing stored; null when valid.</summary>
    public static IResult? Refusal(Outcome outcome) => outcome switch
    {
        Outcome.BadRequest => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: "Not a Twilio webhook: a form-encoded body of at most 64 KB is required."),
        Outcome.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The request is not signed by Twilio for this line."),
        _ => null,
    };

    public static async Task<(Outcome Outcome, SignedForm? Form)> ReadAsync(HttpRequest request, string publicUrl, SupportLineOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (Outcome.BadRequest, null);
        }
        if (!request.HasFormContentType || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.BadRequest, null);
        }
        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        if (read > MaxBodyBytes)
        {
            return (Outcome.BadRequest, null);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
        }
        catch (DecoderFallbackException)
        {
            return (Outcome.BadRequest, null);
        }

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> parsed;
        try
        {
            parsed = new FormReader(text) { ValueCountLimit = 1000, KeyLengthLimit = 1000, ValueLengthLimit = MaxBodyBytes }.ReadForm();
        }
        catch (InvalidDataException)
        {
            return (Outcome.BadRequest, null);
        }

        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(options.AuthToken) || string.IsNullOrEmpty(publicUrl))
        {
            return (Outcome.Forbidden, null);
        }
        var collection = new NameValueCollection();
        foreach (var (key, values) in parsed)
        {
            foreach (var value in values)
            {
                collection.Add(key, value);
            }
        }
        // The query string is part of the signed URL, kept raw (twilio.md §2.1).
        var url = publicUrl + request.QueryString.Value;
        if (!new RequestValidator(options.AuthToken).Validate(url, collection, signature))
        {
            return (Outcome.Forbidden, null);
        }
        var fields = parsed.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.AccountSid) && fields.TryGetValue("AccountSid", out var account) && account != options.AccountSid)
        {
            return (Outcome.Forbidden, null);
        }
        return (Outcome.Valid, new SignedForm(fields));
    }
}
