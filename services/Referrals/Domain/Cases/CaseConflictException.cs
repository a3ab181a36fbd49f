namespace Support.Referrals.Domain.Cases;

/// <summary>A command that the case's current state refuses; endpoints answer 409 with this message.</summary>
public sealed class CaseConflictException(string message) : Exception(message);
