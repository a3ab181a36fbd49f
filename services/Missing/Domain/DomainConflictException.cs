namespace Support.Missing.Domain;

/// <summary>
/// The record is not in a state that allows the change (a second return, completing a finished interview). Endpoints
/// answer 409. The message names the state only, never anything a person wrote.
/// </summary>
public sealed class DomainConflictException(string message) : Exception(message);
