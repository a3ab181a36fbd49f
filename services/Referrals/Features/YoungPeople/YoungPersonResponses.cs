using Support.Referrals.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.YoungPeople;

public sealed record YoungPersonResponse(
    Guid Id,
    string DisplayName,
    YoungPersonDetailsResponse Current,
    IReadOnlyList<YoungPersonDetailsResponse> History,
    LondonTime RecordedAt,
    string RecordedBy)
{
    public static YoungPersonResponse From(YoungPerson person) => new(
        person.Id,
        person.Current.DisplayName,
        YoungPersonDetailsResponse.From(person.Current),
        person.Details.OrderBy(d => d.Version).Select(YoungPersonDetailsResponse.From).ToList(),
        LondonTime.Of(person.RecordedAt),
        person.RecordedBy);
}

public sealed record YoungPersonDetailsResponse(
    Guid EntryId,
    int Version,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    Gender Gender,
    string? GenderDescription,
    string? Ethnicity,
    IReadOnlyList<string> PhoneNumbers,
    string LocalArea,
    Guid? Corrects,
    string? CorrectionReason,
    LondonTime RecordedAt,
    string RecordedBy,
    string RecordedByRole)
{
    public static YoungPersonDetailsResponse From(YoungPersonDetails d) => new(
        d.Id, d.Version, d.GivenName, d.FamilyName, d.PreferredName, d.DateOfBirth, d.Gender, d.GenderDescription,
        d.Ethnicity, d.PhoneNumbers, d.LocalArea, d.CorrectsId, d.CorrectionReason, LondonTime.Of(d.RecordedAt), d.RecordedBy, d.RecordedByRole);
}
