using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Referrals;
using Support.Outreach.Features.Information;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>
/// Item 4 of the Outreach issue, INT-01, INT-02: the people, nicknames, vehicles, phones and addresses an item names
/// about a registered young person are proposed to the one register in Referrals, never kept in a second one here;
/// an item under an alias is proposed when the alias is matched. Each mention is proposed once.
/// </summary>
public sealed class PersonOfConcernProposalTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private static Dictionary<string, object?> Item(Guid? youngPersonId = null, Guid? aliasId = null) => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["aliasId"] = aliasId,
        ["words"] = "Mo from the flat on Station Road picks her up in RB61 XYZ near the park; his number is 07700 900123.",
        ["sourceKind"] = "YoungPersonFirstHand",
        ["reportedBy"] = "Herself",
        ["hand"] = "FirstHand",
        ["receivedAt"] = "2026-01-30T21:30",
        ["mentions"] = new object[]
        {
            new { kind = "Nickname", value = "Mo" },
            new { kind = "Vehicle", value = "rb61 xyz" },
            new { kind = "Phone", value = "07700 900123" },
            new { kind = "Address", value = "Flat 2, Station Road" },
            new { kind = "Place", value = "Clifton Park" },
        },
    };

    private static async Task<InformationItemResponse> RecordAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/information-items") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<InformationItemResponse>();
    }

    [Fact]
    public async Task An_item_about_a_registered_young_person_proposes_each_linkable_mention_once_and_never_a_place()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-links");
        var key = Guid.NewGuid().ToString();

        var item = await RecordAsync(worker, Item(youngPersonId: person), key);
        await RecordAsync(worker, Item(youngPersonId: person), key); // the phone retries

        var commands = await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == item.Id);
        Assert.Equal(["Address", "Nickname", "Phone", "Vehicle"], commands.Select(c => c.LinkKind).Order());
        Assert.All(commands, c => Assert.Equal((person, "outreach", "ow-links", "OutreachWorker"), (c.YoungPersonId, c.Source, c.ProposedBy, c.ProposedByRole)));
        Assert.Equal(4, commands.Select(c => c.ProposalId).Distinct().Count());
        Assert.Equal(["Proposed", "Proposed", "Proposed", "Proposed", null], item.Mentions.Select(m => m.Link?.Status));
        var read = await worker.GetFromJsonAsync<InformationItemResponse>($"/api/outreach/information-items/{item.Id}", OutreachFixture.Json);
        Assert.Equal(item.Mentions.Select(m => m.Link?.Status), read!.Mentions.Select(m => m.Link?.Status));
    }

    [Fact]
    public async Task An_item_under_an_alias_proposes_nothing_until_the_alias_is_matched_and_then_proposes_once()
    {
        var person = await fixture.KnownYoungPersonAsync("Jade Rowe");
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-alias-links");
        var alias = await worker.AliasAsync("Jade");

        var item = await RecordAsync(worker, Item(aliasId: alias.Id));
        Assert.Empty(await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == item.Id));
        Assert.All(item.Mentions, m => Assert.Null(m.Link));

        using var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", new { youngPersonId = person, reason = "She told me her name." });
        Assert.Equal(HttpStatusCode.Created, matched.StatusCode);
        using var again = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias.Id}/match", new { youngPersonId = person, reason = "She told me her name." });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var commands = await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == item.Id);
        Assert.Equal(4, commands.Count);
        Assert.All(commands, c => Assert.Equal(person, c.YoungPersonId));
        var later = await RecordAsync(worker, Item(aliasId: alias.Id));
        Assert.Equal(4, (await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == later.Id)).Count);
        Assert.All(await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == later.Id), c => Assert.Equal(person, c.YoungPersonId));
    }

    [Fact]
    public async Task An_item_about_nobody_yet_proposes_nothing()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-nobody");

        var item = await RecordAsync(worker, Item());

        Assert.Empty(await fixture.OutboxAsync<ProposePersonOfConcernLink>(c => c.SourceReference == item.Id));
    }
}
