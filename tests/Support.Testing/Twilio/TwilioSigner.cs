using System.Security.Cryptography;
using System.Text;

namespace Support.Testing.Twilio;

/// <summary>
/// Signs webhooks the way Twilio does (twilio.md §2), written independently of the Twilio package the service uses:
/// the URL, then each field name and value, names in ordinal order, HMAC-SHA1 with the auth token, Base64.
/// </summary>
public static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var group in form.GroupBy(p => p.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static HttpRequestMessage Request(string path, string authToken, string signedUrl, IReadOnlyDictionary<string, string> form, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? Sign(authToken, signedUrl, form));
        return request;
    }
}
