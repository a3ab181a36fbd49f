using Support.Outreach.Domain;
using Support.Outreach.Features.Contacts;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Aliases;

public sealed record AliasMatchResponse(Guid YoungPersonId, string Reason, LondonTime MatchedAt, string MatchedBy, string MatchedByRole)
{
    public static AliasMatchResponse From(AliasMatch m) => new(m.YoungPersonId, m.Reason, LondonTime.Of(m.MatchedAt), m.MatchedBy, m.MatchedByRole);
}

public sealed record AliasResponse(
    Guid Id, string Name, int? ApproximateAge, string? Area, string? Description, string? Gender, string? Ethnicity,
    LondonTime RecordedAt, string RecordedBy, AliasMatchResponse? Match, IReadOnlyList<ContactResponse>? Contacts)
{
    public static AliasResponse From(Alias a, AliasMatch? match, IReadOnlyList<ContactResponse>? contacts = null) => new(
        a.Id, a.Name, a.ApproximateAge, a.Area, a.Description, a.Gender, a.Ethnicity, LondonTime.Of(a.RecordedAt), a.RecordedBy,
        match is null ? null : AliasMatchResponse.From(match), contacts);
}
