using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Outreach.Domain;
using Support.Outreach.Features.Information;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-03, INT-01, INT-06, INT-07: soft information word for word, disposed of within 5 working days, never discarded.</summary>
public sealed class InformationItemTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private const string Words = "Her mate said 'Mo' picks them up from the park in a silver Astra, RB61 XYZ, and rings her on 07700 900123.";

    private static Dictionary<string, object?> Item(Guid? youngPersonId, DateTimeOffset receivedAt, string words = Words) => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["words"] = words,
        ["sourceKind"] = "Peer",
        ["reportedBy"] = "A friend of hers in the Clifton Park group",
        ["hand"] = "ThirdHand",
        ["receivedAt"] = receivedAt,
        ["sourceEvaluation"] = "Untested",
        ["intelligenceAssessment"] = "KnownIndirectly",
        ["handling"] = "LawfulSharingPermitted",
        ["mentions"] = new object[]
        {
            new { kind = "Nickname", value = "Mo" },
            new { kind = "Vehicle", value = "rb61 xyz" },
            new { kind = "Phone", value = "07700 900123" },
        },
    };

    private async Task<InformationItemResponse> RecordAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/outreach/information-items", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<InformationItemResponse>();
    }

    [Fact]
    public async Task A_third_hand_item_is_kept_word_for_word_with_its_provenance_grading_and_normalised_mentions()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-info");

        var item = await RecordAsync(worker, Item(person, fixture.Now.AddHours(-1)));

        Assert.Equal(Words, item.Words);
        Assert.Equal((InformationSourceKind.Peer, Hand.ThirdHand, "ow-info", fixture.Now), (item.SourceKind, item.Hand, item.RecordedBy, item.RecordedAt.Utc));
        Assert.Equal((SourceEvaluation.Untested, IntelligenceAssessment.KnownIndirectly, HandlingCode.LawfulSharingPermitted),
            (item.SourceEvaluation!.Value, item.IntelligenceAssessment!.Value, item.Handling!.Value));
        Assert.Equal(["mo", "RB61XYZ", "+447700900123"], item.Mentions.Select(m => m.Normalised));
        Assert.Equal("AwaitingDisposition", item.Status);
        // Recorded Friday 30 January 2026, 22:00: due the next Friday at 22:00.
        Assert.Equal(new DateTimeOffset(2026, 2, 6, 22, 0, 0, TimeSpan.Zero), item.DispositionDueAt.Utc);
        var listed = await worker.GetFromJsonAsync<List<InformationItemResponse>>($"/api/outreach/young-people/{person}/information-items", OutreachFixture.Json);
        Assert.Equal(item.Id, Assert.Single(listed!).Id);
    }

    [Fact]
    public async Task An_undisposed_item_is_listed_for_managers_from_its_due_instant_and_leaves_the_list_once_disposed_of()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-overdue");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-overdue");
        var item = await RecordAsync(worker, Item(person, fixture.Now));
        var other = await RecordAsync(worker, Item(person, fixture.Now));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/outreach/information-items/overdue")).StatusCode);
        fixture.Clock.SetUtcNow(item.DispositionDueAt.Utc.AddTicks(-1));
        Assert.DoesNotContain(await OverdueAsync(manager), i => i.Id == item.Id);
        fixture.Clock.SetUtcNow(item.DispositionDueAt.Utc);
        Assert.Contains(await OverdueAsync(manager), i => i.Id == item.Id);

        // Police no further action is history, not a disposition: the item stays, and stays overdue.
        using var pc = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-nfa");
        using var nfa = await pc.PostAsJsonAsync($"/api/outreach/information-items/{item.Id}/events",
            new { kind = "PoliceOutcome", reason = "No further action: no complainant.", reference = "SYP-2026-77" });
        Assert.Equal(HttpStatusCode.Created, nfa.StatusCode);
        Assert.Contains(await OverdueAsync(manager), i => i.Id == item.Id);

        using var noReason = await worker.PostAsJsonAsync($"/api/outreach/information-items/{item.Id}/events", new { kind = "NoAction" });
        Assert.Contains("reason", await noReason.ErrorFieldsAsync());
        using var shared = await worker.PostAsJsonAsync($"/api/outreach/information-items/{item.Id}/events", new { kind = "SharedWithPolice", reference = "SYP-2026-78" });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var overdue = await OverdueAsync(manager);
        Assert.DoesNotContain(overdue, i => i.Id == item.Id);
        Assert.Contains(overdue, i => i.Id == other.Id);

        var read = await worker.GetFromJsonAsync<InformationItemResponse>($"/api/outreach/information-items/{item.Id}", OutreachFixture.Json);
        Assert.Equal("WithPolice", read!.Status);
        Assert.Equal(Words, read.Words);
        Assert.Equal([InformationEventKind.PoliceOutcome, InformationEventKind.SharedWithPolice], read.History.Select(h => h.Kind));
        Assert.Equal("No further action: no complainant.", read.History[0].Reason);

        await using var db = fixture.CreateDbContext();
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM outreach.information_items WHERE id = {item.Id}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private static async Task<List<InformationItemResponse>> OverdueAsync(HttpClient manager) =>
        (await manager.GetFromJsonAsync<List<InformationItemResponse>>("/api/outreach/information-items/overdue", OutreachFixture.Json))!;

    [Theory]
    [InlineData("words", null)]
    [InlineData("hand", "FourthHand")]
    [InlineData("sourceKind", "0")]
    [InlineData("receivedAt", "last week")]
    [InlineData("sourceEvaluation", "Maybe")]
    public async Task Malformed_items_are_a_400_naming_the_field_and_store_nothing(string field, string? value)
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-info-bad");
        var body = Item(person, fixture.Now);
        body[field] = value;

        using var response = await worker.PostAsJsonAsync("/api/outreach/information-items", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.InformationItems.AnyAsync(i => i.YoungPersonId == person));
    }

    [Fact]
    public async Task A_mention_that_is_not_a_phone_number_is_named_by_its_position()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-info-phone");
        var body = Item(person, fixture.Now);
        body["mentions"] = new object[] { new { kind = "Vehicle", value = "RB61XYZ" }, new { kind = "Phone", value = "call me maybe" } };

        using var response = await worker.PostAsJsonAsync("/api/outreach/information-items", body);
        using var unknownItem = await worker.PostAsJsonAsync($"/api/outreach/information-items/{Guid.NewGuid()}/events", new { kind = "SharedWithPolice" });

        Assert.Equal(["mentions[1].value"], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
    }

    [Fact]
    public async Task Information_words_never_reach_the_logs_and_commissioners_cannot_read_them()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-info-logs");
        var item = await RecordAsync(worker, Item(person, fixture.Now, "Info-marker-5e8: the man at the takeaway keeps her phone."));
        await worker.GetAsync($"/api/outreach/information-items/{item.Id}");
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "comm-info");

        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/outreach/information-items/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/outreach/young-people/{person}/information-items")).StatusCode);
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains("Info-marker-5e8", StringComparison.Ordinal));
    }
}
