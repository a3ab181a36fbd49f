namespace Support.SupportLine.Domain;

/// <summary>
/// GSM 03.38 text and SMS segments (twilio.md §5): 160 septets in one message, 153 per part when split; the extension
/// characters cost two septets and an escape pair is never split. One character outside the alphabet turns the whole
/// message into UCS-2, which we refuse for replies (SL-03: short, plain texts).
/// </summary>
public static class Gsm7
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>The characters that are not GSM-7, to name them in an error.</summary>
    public static IReadOnlyList<char> NonGsm7Characters(string text) =>
        text.Where(c => !Basic.Contains(c) && !Extension.Contains(c)).Distinct().ToList();

    /// <summary>Segments needed for a GSM-7 text.</summary>
    public static int Segments(string text)
    {
        var septets = text.Sum(c => Extension.Contains(c) ? 2 : 1);
        if (septets <= 160)
        {
            return 1;
        }
        var segments = 1;
        var used = 0;
        foreach (var cost in text.Select(c => Extension.Contains(c) ? 2 : 1))
        {
            if (used + cost > 153)
            {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return segments;
    }
}
