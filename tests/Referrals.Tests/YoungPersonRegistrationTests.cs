using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

public sealed class YoungPersonRegistrationTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public void The_gender_categories_other_services_report_by_are_exactly_the_ones_the_registry_records()
    {
        // OUT-10: a category added here and not to the contract would vanish from every other service's report rows.
        Assert.Equal(Enum.GetNames<Support.Contracts.Registry.GenderCategory>(), Enum.GetNames<Support.Referrals.Domain.Gender>());
    }

    [Fact]
    public async Task Registration_is_signed_with_the_token_subject_and_dated_by_the_server_clock()
    {
        using var client = fixture.Host.ClientFor(Roles.OutreachWorker, "worker-17");
        var body = new
        {
            givenName = "Leanne", familyName = "Booth", dateOfBirth = "2011-03-02", gender = "Female", localArea = "Maltby",
        };
        // A client cannot sign or date a record on someone else's behalf (REC-01): such members are refused by name.
        using var forged = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Leanne", familyName = "Booth", dateOfBirth = "2011-03-02", gender = "Female", localArea = "Maltby",
            recordedBy = "someone-else", recordedAt = "2001-01-01T00:00:00Z",
        });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("recordedBy", await forged.ErrorFieldsAsync());

        var person = await client.RegisterAsync(body);

        Assert.Equal("worker-17", person.RecordedBy);
        Assert.Equal(ReferralsFixture.Now, person.RecordedAt.Utc);
        Assert.Equal("worker-17", person.Current.RecordedBy);
        Assert.Equal(Roles.OutreachWorker, person.Current.RecordedByRole);
        Assert.Equal(1, person.Current.Version);
        Assert.Equal("Leanne Booth", person.DisplayName);
    }

    [Fact]
    public async Task Registration_writes_YoungPersonRegistered_to_the_outbox_in_the_same_transaction_without_phone_numbers()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Outbox", "Check"));

        await using var db = fixture.CreateDbContext();
        var rows = await db.Set<Support.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.MessageType == MessageTypeRegistry.UrnOf(typeof(Support.Contracts.Registry.YoungPersonRegistered)))
            .ToListAsync();
        var row = Assert.Single(rows, r => r.Payload.Contains(person.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("\"displayName\": \"Kay Check\"", row.Payload, StringComparison.Ordinal);
        Assert.Contains("\"dateOfBirth\": \"2010-05-14\"", row.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_give_400_naming_each_field_and_store_nothing()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        await using var db = fixture.CreateDbContext();
        var before = await db.YoungPeople.CountAsync();

        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", new { givenName = "Only" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "familyName", "dateOfBirth", "gender", "localArea" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}");
        }
        Assert.False(errors.TryGetProperty("givenName", out _));
        Assert.Equal(before, await db.YoungPeople.CountAsync());
    }

    [Theory]
    [InlineData("dateOfBirth", "\"2010-13-40\"")]
    [InlineData("gender", "\"Girl\"")]
    [InlineData("phoneNumbers", "\"07700\"")]
    public async Task An_unreadable_value_gives_400_naming_the_field(string field, string rawValue)
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var json = $$"""{"givenName":"A","familyName":"B","dateOfBirth":"2010-01-01","gender":"Male","localArea":"C","{{field}}":{{rawValue}}}""";

        using var response = await client.PostAsync("/api/referrals/young-people",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_malformed_phone_number_gives_400_naming_its_position()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = new { givenName = "A", familyName = "B", dateOfBirth = "2010-01-01", gender = "Male", localArea = "C", phoneNumbers = new[] { "07700 900461", "call me" } };

        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("phoneNumbers[1]", out _));
    }

    [Fact]
    public async Task A_date_of_birth_after_today_gives_422()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var tomorrow = DateOnly.FromDateTime(ReferralsFixture.Now.UtcDateTime).AddDays(1).ToString("yyyy-MM-dd");

        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", YoungPersonRequests.Valid(dateOfBirth: tomorrow));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("dateOfBirth", out _));
    }

    [Fact]
    public async Task A_date_of_birth_of_today_is_accepted()
    {
        using var client = fixture.Host.ClientFor(Roles.HealthPartner);
        var today = DateOnly.FromDateTime(ReferralsFixture.Now.UtcDateTime).ToString("yyyy-MM-dd");

        var person = await client.RegisterAsync(YoungPersonRequests.Valid("New", "Born", today));

        Assert.Equal(DateOnly.FromDateTime(ReferralsFixture.Now.UtcDateTime), person.Current.DateOfBirth);
    }

    [Fact]
    public async Task Self_described_gender_needs_the_young_persons_words()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var body = new { givenName = "A", familyName = "B", dateOfBirth = "2010-01-01", gender = "SelfDescribed", localArea = "C" };

        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("genderDescription", out _));
    }

    [Fact]
    public async Task Getting_an_unknown_young_person_gives_404()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await client.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_registered_young_person_can_be_read_back_with_every_detail()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var created = await client.RegisterAsync();

        var read = await client.GetFromJsonAsync<YoungPersonResponse>($"/api/referrals/young-people/{created.Id}", YoungPersonRequests.Json);

        Assert.NotNull(read);
        Assert.Equal("Kayleigh", read.Current.GivenName);
        Assert.Equal("Kay", read.Current.PreferredName);
        Assert.Equal("White British", read.Current.Ethnicity);
        Assert.Equal(["07700 900461"], read.Current.PhoneNumbers);
        Assert.Equal("Eastwood", read.Current.LocalArea);
    }
}
