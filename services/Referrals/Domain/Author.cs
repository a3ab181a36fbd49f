namespace Support.Referrals.Domain;

/// <summary>Who wrote a record and when, taken from the token and the server clock, never from the request (REC-01).</summary>
public sealed record Author(string UserId, string Role, DateTimeOffset At);
