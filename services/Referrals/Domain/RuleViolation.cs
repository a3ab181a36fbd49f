namespace Support.Referrals.Domain;

/// <summary>A rule a record breaks, naming the field to fix (422).</summary>
public sealed record RuleViolation(string Field, string Message);

/// <summary>The record is in a state that does not allow the change (409); the message names the state.</summary>
public sealed class DomainConflictException(string message) : Exception(message);
