using System.Net;
using System.Net.Http.Json;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>Possible matches are shown before registering, so one child does not end up with two records.</summary>
public sealed class FindYoungPeopleTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task Matches_by_name_fragment_preferred_name_and_date_of_birth_best_first()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var both = await client.RegisterAsync(YoungPersonRequests.Valid("Jodie", "Wainwright", "2009-09-09"));
        var nameOnly = await client.RegisterAsync(YoungPersonRequests.Valid("Jodie", "Wainwright", "2012-01-01"));
        var dobOnly = await client.RegisterAsync(YoungPersonRequests.Valid("Other", "Person", "2009-09-09"));
        var neither = await client.RegisterAsync(YoungPersonRequests.Valid("Nobody", "Else", "2008-01-01"));

        var matches = await client.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=wainw&dateOfBirth=2009-09-09");

        Assert.NotNull(matches);
        Assert.Equal(both.Id, matches[0].Id);
        Assert.Equal(["name", "dateOfBirth"], matches[0].MatchedOn);
        Assert.Contains(matches, m => m.Id == nameOnly.Id);
        Assert.Contains(matches, m => m.Id == dobOnly.Id);
        Assert.DoesNotContain(matches, m => m.Id == neither.Id);
    }

    [Fact]
    public async Task Search_uses_corrected_details_not_the_originals()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Misspelt", "Hollingworht", "2010-02-02"));
        await client.PostAsJsonAsync($"/api/referrals/young-people/{person.Id}/corrections",
            new { details = YoungPersonRequests.Valid("Misspelt", "Hollingworth", "2010-02-02"), reason = "Spelling" });

        var corrected = await client.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=hollingworth");
        var old = await client.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=hollingworht");

        Assert.Single(corrected!, m => m.Id == person.Id);
        Assert.DoesNotContain(old!, m => m.Id == person.Id);
    }

    [Fact]
    public async Task Like_wildcards_in_the_name_are_taken_literally()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        await client.RegisterAsync(YoungPersonRequests.Valid("Percent", "Literal", "2010-03-03"));

        var matches = await client.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=%25%25");

        Assert.Empty(matches!);
    }

    [Theory]
    [InlineData("/api/referrals/young-people")]
    [InlineData("/api/referrals/young-people?name=a")]
    public async Task A_search_without_enough_to_go_on_gives_400_naming_name(string path)
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task An_unreadable_query_value_gives_400_naming_the_parameter()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await client.GetAsync("/api/referrals/young-people?name=marsh&dateOfBirth=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("dateOfBirth", out _));
    }
}
