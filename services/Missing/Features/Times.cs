using Support.ServiceDefaults.Time;

namespace Support.Missing.Features;

/// <summary>Who recorded a step and when (server clock, shown as London time), and in which role (REC-01).</summary>
public sealed record Signature(LondonTime At, string By, string Role)
{
    public static Signature Of(DateTimeOffset at, string by, string role) => new(LondonTime.Of(at), by, role);
}
