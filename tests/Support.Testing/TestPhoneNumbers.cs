using System.Globalization;

namespace Support.Testing;

/// <summary>Phone numbers for tests that text the support line (imported statically by the projects that do).</summary>
public static class TestPhoneNumbers
{
    /// <summary>
    /// A UK mobile number for one test, in E.164: random, so tests sharing a running platform or a database do not
    /// meet each other's conversations.
    /// </summary>
    public static string NewMobile() => "+4477009" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
}
