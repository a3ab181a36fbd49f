namespace Support.Missing.Domain;

/// <summary>Who wrote a record and when, taken from the token and the server clock, never from the request (REC-01).</summary>
public sealed record Author(string UserId, string Role, DateTimeOffset At)
{
    /// <summary>The signature on records the service writes on another service's behalf (a command from Leaving Care).</summary>
    public static Author Service(string name, DateTimeOffset at) => new(name, "Service", at);
}
