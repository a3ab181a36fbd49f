using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging;
using Support.Messaging.Outbox;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REC-05: a correction is a new, signed entry that points at what it corrects; nothing is overwritten.</summary>
public sealed class CorrectionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static object Corrected(string dateOfBirth) => new
    {
        details = YoungPersonRequests.Valid(dateOfBirth: dateOfBirth),
        reason = "Date of birth confirmed from birth certificate",
    };

    [Fact]
    public async Task A_correction_is_a_new_version_pointing_at_the_one_it_corrects_and_the_original_is_kept()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-a");
        var person = await worker.RegisterAsync();
        using var corrector = fixture.Host.ClientFor(Roles.TeamManager, "tm-b");
        fixture.Clock.Advance(TimeSpan.FromHours(2));

        using var response = await corrector.PostAsJsonAsync($"/api/referrals/young-people/{person.Id}/corrections", Corrected("2010-05-15"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var corrected = (await response.Content.ReadFromJsonAsync<YoungPersonResponse>(YoungPersonRequests.Json))!;
        Assert.Equal(2, corrected.Current.Version);
        Assert.Equal(new DateOnly(2010, 5, 15), corrected.Current.DateOfBirth);
        Assert.Equal(person.Current.EntryId, corrected.Current.Corrects);
        Assert.Equal("tm-b", corrected.Current.RecordedBy);
        Assert.Equal("Date of birth confirmed from birth certificate", corrected.Current.CorrectionReason);
        Assert.Equal(2, corrected.History.Count);
        var original = corrected.History[0];
        Assert.Equal(new DateOnly(2010, 5, 14), original.DateOfBirth);
        Assert.Equal("sw-a", original.RecordedBy);
        Assert.Equal(person.Current.RecordedAt, original.RecordedAt);
        Assert.Equal(TimeSpan.FromHours(2), corrected.Current.RecordedAt.Utc - original.RecordedAt.Utc);
    }

    [Fact]
    public async Task A_correction_announces_the_new_details_through_the_outbox()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync();

        await client.PostAsJsonAsync($"/api/referrals/young-people/{person.Id}/corrections", Corrected("2010-06-01"));

        await using var db = fixture.CreateDbContext();
        var urn = MessageTypeRegistry.UrnOf(typeof(YoungPersonDetailsCorrected));
        var rows = await db.Set<OutboxMessage>().Where(m => m.MessageType == urn).ToListAsync();
        var row = Assert.Single(rows, m => m.Payload.Contains(person.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("\"version\": 2", row.Payload, StringComparison.Ordinal);
        Assert.Contains("\"dateOfBirth\": \"2010-06-01\"", row.Payload, StringComparison.Ordinal);
        Assert.Contains("\"gender\": \"Female\"", row.Payload, StringComparison.Ordinal);
        Assert.Contains("\"ethnicity\": \"White British\"", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_without_a_reason_gives_400_and_changes_nothing()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync();

        using var response = await client.PostAsJsonAsync($"/api/referrals/young-people/{person.Id}/corrections",
            new { details = YoungPersonRequests.Valid(dateOfBirth: "2011-01-01") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var read = await client.GetFromJsonAsync<YoungPersonResponse>($"/api/referrals/young-people/{person.Id}", YoungPersonRequests.Json);
        Assert.Single(read!.History);
    }

    [Fact]
    public async Task A_correction_of_an_unknown_young_person_gives_404()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await client.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/corrections", Corrected("2010-01-01"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Registered_details_cannot_be_overwritten_in_the_database()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync();
        await using var db = fixture.CreateDbContext();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE referrals.young_person_details SET date_of_birth = '2000-01-01' WHERE young_person_id = {person.Id}"));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }
}
