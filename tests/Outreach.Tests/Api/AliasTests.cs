using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Outreach;
using Support.Outreach.Features.Aliases;
using Support.Outreach.Features.Contacts;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-02: young people known only by an alias, and the worker-confirmed match that brings their records home.</summary>
public sealed class AliasTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task Contacts_under_an_alias_stay_out_of_any_chronology_until_a_worker_confirms_the_match()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-alias");
        var jade = await worker.AliasAsync("Jadey", approximateAge: 14);
        var first = await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, contactedAt: fixture.Now.AddDays(-3)));
        Assert.Equal(jade.Id, first.AliasId);
        Assert.Empty(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == first.Id));

        var person = await fixture.KnownYoungPersonAsync("Jadey Marsh", London(fixture.Now).AddYears(-14).AddMonths(-3));
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-alias");
        using var notStaff = await social.PostAsJsonAsync($"/api/outreach/aliases/{jade.Id}/match", new { youngPersonId = person, reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);

        using var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{jade.Id}/match",
            new { youngPersonId = person, reason = "She told me her surname; same school and age." });

        Assert.Equal(HttpStatusCode.Created, matched.StatusCode);
        var alias = await matched.ReadAsync<AliasResponse>();
        Assert.Equal((person, "ow-alias", fixture.Now), (alias.Match!.YoungPersonId, alias.Match.MatchedBy, alias.Match.MatchedAt.Utc));
        var announced = Assert.Single(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == first.Id));
        Assert.Equal((person, (Guid?)jade.Id), (announced.YoungPersonId, announced.AliasId));
        Assert.Equal(1, Assert.Single(await fixture.OutboxAsync<OutreachAliasMatched>(m => m.AliasId == jade.Id)).ContactCount);

        // A contact logged under the alias after the match reaches the young person's chronology at once.
        var later = await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, contactedAt: fixture.Now));
        Assert.Equal(person, Assert.Single(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == later.Id)).YoungPersonId);
        var record = await worker.GetFromJsonAsync<ListYoungPersonContacts.Response>($"/api/outreach/young-people/{person}/contacts", OutreachFixture.Json);
        Assert.Equal([jade.Id], record!.Aliases);
        Assert.Equal([first.Id, later.Id], record.Contacts.Select(c => c.Id));

        // The alias is kept and stays searchable, showing its match.
        var found = await worker.GetFromJsonAsync<List<AliasResponse>>("/api/outreach/aliases?name=jade", OutreachFixture.Json);
        Assert.Equal(person, Assert.Single(found!, a => a.Id == jade.Id).Match!.YoungPersonId);
    }

    [Fact]
    public async Task An_alias_is_matched_once_a_repeat_of_the_same_match_is_harmless_and_a_different_one_is_a_conflict()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-once");
        var alias = await worker.AliasAsync("Tash");
        var person = await fixture.KnownYoungPersonAsync("Natasha Once");
        var other = await fixture.KnownYoungPersonAsync("Tasha Other");
        var body = new { youngPersonId = person, reason = "Confirmed with her key worker." };

        using var first = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", body);
        using var repeat = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", body);
        using var different = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", new { youngPersonId = other, reason = "No, it is her." });
        using var unknownAlias = await worker.PostAsJsonAsync($"/api/outreach/aliases/{Guid.NewGuid()}/match", body);
        using var noReason = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", new { youngPersonId = other });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownAlias.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.ErrorFieldsAsync());
        Assert.Single(await fixture.OutboxAsync<OutreachAliasMatched>(m => m.AliasId == alias.Id));
    }

    [Fact]
    public async Task Match_suggestions_come_from_the_name_and_the_age_band()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-suggest");
        var alias = await worker.AliasAsync("Kenzie", approximateAge: 14);
        var today = London(fixture.Now);
        var fourteen = await fixture.KnownYoungPersonAsync("Kenzie Rowe", today.AddYears(-14));
        var sixteen = await fixture.KnownYoungPersonAsync("Mackenzie-Lee Kenzie", today.AddYears(-16).AddDays(1));
        var tooOld = await fixture.KnownYoungPersonAsync("Kenzie Oldfield", today.AddYears(-17));
        var otherName = await fixture.KnownYoungPersonAsync("Kerry Rowe", today.AddYears(-14));

        var suggestions = await worker.GetFromJsonAsync<SuggestMatches.Response>($"/api/outreach/aliases/{alias.Id}/match-suggestions", OutreachFixture.Json);

        var ids = suggestions!.Candidates.Select(c => c.YoungPersonId).ToList();
        Assert.Contains(fourteen, ids);
        Assert.Contains(sixteen, ids);
        Assert.DoesNotContain(tooOld, ids);
        Assert.DoesNotContain(otherName, ids);
        Assert.Equal(["name", "age"], suggestions.Candidates.Single(c => c.YoungPersonId == fourteen).MatchedOn);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/outreach/aliases/{Guid.NewGuid()}/match-suggestions")).StatusCode);
    }

    [Fact]
    public async Task An_alias_without_a_name_or_with_an_impossible_age_is_refused()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-alias-bad");

        using var noName = await worker.PostAsJsonAsync("/api/outreach/aliases", new { approximateAge = 14 });
        using var badAge = await worker.PostAsJsonAsync("/api/outreach/aliases", new { name = "Bee", approximateAge = 140 });

        Assert.Contains("name", await noName.ErrorFieldsAsync());
        Assert.Contains("approximateAge", await badAge.ErrorFieldsAsync());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Aliases.AnyAsync(a => a.Name == "Bee"));
    }

    [Fact]
    public void Someone_born_on_29_february_turns_a_year_older_on_1_march_in_a_common_year()
    {
        var leapling = new DateOnly(2012, 2, 29);

        Assert.Equal(13, SuggestMatches.AgeOn(leapling, new DateOnly(2026, 2, 28)));
        Assert.Equal(14, SuggestMatches.AgeOn(leapling, new DateOnly(2026, 3, 1)));
        Assert.Equal(12, SuggestMatches.AgeOn(leapling, new DateOnly(2025, 2, 28)));
        Assert.Equal(16, SuggestMatches.AgeOn(leapling, new DateOnly(2028, 2, 29)));
    }

    private static DateOnly London(DateTimeOffset instant) => Support.ServiceDefaults.Time.London.DateOf(instant);
}
