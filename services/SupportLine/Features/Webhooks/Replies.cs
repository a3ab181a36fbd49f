using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>
/// The line's own texts (SL-03): GSM-7 only, at most 2 segments, and in discreet mode never naming the service (a phone
/// may be watched by the person exploiting the young person). Every young person's number is discreet unless their
/// record says otherwise.
/// </summary>
public static class Replies
{
    public static string Acknowledgement(bool discreet, string serviceName) => discreet
        ? "Thanks, we got your message. Someone will text back soon, day or night. If you are in danger now, call 999."
        : $"Thanks for texting {serviceName}. A worker will reply soon, day or night. What you tell us is private unless someone is at serious risk. In an emergency call 999. Reply STOP to opt out.";

    /// <summary>Sent at once for a text triaged as immediate danger; the same whether discreet or not.</summary>
    public const string Danger = "If you are in danger now, call 999. We have your message and someone is looking at it right now.";

    public static string ContactLogged(ContactText contact, Guid commandId) =>
        $"Logged: {contact.Alias ?? "id " + contact.YoungPersonId!.Value.ToString()[..8]} at {Support.ServiceDefaults.Time.London.TimeOf(contact.ContactedAt):HH\\:mm}, {Clip(contact.Place, 30)}. Ref {commandId.ToString()[..8]}";

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>What is wrong with a reply a worker wants to send, or null when it may be sent.</summary>
    public static string? Problem(string body, bool discreet, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "A reply needs some text.";
        }
        if (!Gsm7.IsGsm7(body))
        {
            return $"Use plain characters only (GSM-7); not allowed: {string.Join(" ", Gsm7.NonGsm7Characters(body).Select(c => $"U+{(int)c:X4}"))}.";
        }
        if (Gsm7.Segments(body) > 2)
        {
            return "A reply must fit in 2 texts (306 plain characters).";
        }
        if (discreet && body.Contains(serviceName, StringComparison.OrdinalIgnoreCase))
        {
            return "This person asked for discreet texts: do not name the service.";
        }
        return null;
    }
}
