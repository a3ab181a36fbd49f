using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;
using Twilio.Security;

namespace Support.Bench.Platform;

/// <summary>One inbound text as Twilio would post it to the support line.</summary>
public sealed record InboundText(string MessageSid, string From, string Body);

/// <summary>
/// Builds inbound-SMS webhooks exactly as Twilio signs them (twilio.md §2): the public URL the line is configured
/// with, then every form field's name and value, names in ordinal order, HMAC-SHA1 with the auth token, Base64. The
/// request goes to the gateway on loopback; the URL signed is the one Twilio would have called (the service checks
/// against configuration, never Request.Host). <see cref="EnsureTwilioAccepts"/> checks the signer against the
/// Twilio package's own <see cref="RequestValidator"/>, the validator the service uses.
/// </summary>
public sealed class TwilioWebhook(string authToken, string signedUrl, string accountSid, string lineNumber)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(authToken);
    private readonly string _path = new Uri(signedUrl).AbsolutePath;

    /// <summary>A fresh MessageSid: <c>SM</c> and 32 hex digits, as the service requires.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The fields Twilio sends for an inbound SMS (the set tools/sms sends), MessageSid repeated in its legacy names.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields(InboundText text) =>
    [
        new("AccountSid", accountSid),
        new("ApiVersion", "2010-04-01"),
        new("Body", text.Body),
        new("From", text.From),
        new("MessageSid", text.MessageSid),
        new("NumMedia", "0"),
        new("NumSegments", "1"),
        new("SmsMessageSid", text.MessageSid),
        new("SmsSid", text.MessageSid),
        new("SmsStatus", "received"),
        new("To", lineNumber),
    ];

    public string Sign(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(signedUrl);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>The webhook for a text, signed; a request is built per send because a message can be sent only once.</summary>
    public HttpRequestMessage Request(Uri gateway, InboundText text, bool spoilSignature = false)
    {
        var fields = Fields(text);
        var signature = Sign(fields);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, _path))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        // Spoiled by changing its first character: always a different one (a signature starting with 'A' once went through unchanged).
        request.Headers.Add("X-Twilio-Signature", spoilSignature ? (signature[0] == 'A' ? "B" : "A") + signature[1..] : signature);
        return request;
    }

    /// <summary>Fails unless Twilio's own validator accepts what this class signs, so the benchmark measures accepted texts.</summary>
    public void EnsureTwilioAccepts(InboundText sample)
    {
        var fields = Fields(sample);
        var collection = new NameValueCollection();
        foreach (var (name, value) in fields)
        {
            collection.Add(name, value);
        }
        if (!new RequestValidator(authToken).Validate(signedUrl, collection, Sign(fields)))
        {
            throw new InvalidOperationException("Twilio.Security.RequestValidator rejects the benchmark's own signature.");
        }
    }
}
