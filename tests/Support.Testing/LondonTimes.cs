using System.Globalization;
using Support.ServiceDefaults.Time;

namespace Support.Testing;

public static class LondonTimes
{
    /// <summary>
    /// A London time as a person reads it, for assertions: "2026-03-30 10:00 +01:00 BST". Checks the London wall clock,
    /// its offset and the zone's name in one comparison.
    /// </summary>
    public static string Shown(this LondonTime time) =>
        time.London.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + " " + time.Zone;

    public static string? Shown(this LondonTime? time) => time?.Shown();
}
