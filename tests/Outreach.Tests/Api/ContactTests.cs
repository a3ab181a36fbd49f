using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Outreach.Features.Contacts;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-01, COM-09, REC-01: contacts logged in seconds, signed by the server, late flagged, never changed, safe to retry.</summary>
public sealed class ContactTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task A_contact_is_signed_by_the_server_shown_in_london_time_and_announced_without_its_notes()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-signed");
        var park = await worker.LocationAsync("Clifton Park (signed)");
        var contactedAt = fixture.Now.AddMinutes(-20);

        var contact = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: contactedAt, locationId: park.Id));

        Assert.Equal(person, contact.YoungPersonId);
        Assert.Equal(OutreachChannel.Street, contact.Channel);
        Assert.Equal(contactedAt, contact.ContactedAt.Utc);
        Assert.Equal("GMT", contact.ContactedAt.Zone);
        Assert.Equal(fixture.Now, contact.RecordedAt.Utc);
        Assert.Equal(("ow-signed", Roles.OutreachWorker), (contact.RecordedBy, contact.RecordedByRole));
        Assert.Equal(new ContactLocation(park.Id, park.Name, Support.Outreach.Domain.LocationType.Park), contact.Location);
        Assert.Equal(OutreachRequests.Notes, contact.Notes);
        Assert.Equal(RiskLevel.High, contact.Concern);
        Assert.False(contact.RecordedLate);
        var announced = Assert.Single(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == contact.Id));
        Assert.Equal((person, contactedAt, RiskLevel.High, (Guid?)park.Id, "ow-signed", false),
            (announced.YoungPersonId, announced.ContactedAt, announced.Concern, announced.LocationId, announced.RecordedBy, announced.RecordedLate));
        await using var db = fixture.CreateDbContext();
        var payloads = await db.Set<Support.Messaging.Outbox.OutboxMessage>().AsNoTracking().Select(m => m.Payload).ToListAsync();
        Assert.DoesNotContain(payloads, p => p.Contains("bandstand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_time_without_an_offset_is_read_as_london_wall_clock_time_in_summer_and_in_winter()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-london");

        var summer = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: "2025-07-04T22:10"));
        var winter = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: "2026-01-30T21:15"));

        Assert.Equal(new DateTimeOffset(2025, 7, 4, 21, 10, 0, TimeSpan.Zero), summer.ContactedAt.Utc);
        Assert.Equal(("BST", TimeSpan.FromHours(1)), (summer.ContactedAt.Zone, summer.ContactedAt.London.Offset));
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 21, 15, 0, TimeSpan.Zero), winter.ContactedAt.Utc);
        Assert.Equal("GMT", winter.ContactedAt.Zone);
    }

    [Fact]
    public async Task A_contact_recorded_more_than_48_hours_after_it_happened_is_flagged_late_and_still_stored()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-late");

        var onTheLine = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddHours(-48)));
        var late = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddHours(-48).AddMinutes(-1)));
        var veryLate = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddDays(-40)));

        Assert.False(onTheLine.RecordedLate);
        Assert.True(late.RecordedLate);
        Assert.True(veryLate.RecordedLate);
        Assert.True(Assert.Single(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == late.Id)).RecordedLate);
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_returns_the_first_contact_and_never_a_second()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-retry");
        var body = OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5));

        var first = await worker.LogAsync(body, "phone-7f3a-0001");
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        using var retried = await worker.PostLogAsync(body, "phone-7f3a-0001");
        // Five retries at once on a bad connection still make one contact.
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => worker.PostLogAsync(body, "phone-7f3a-0002")));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues(LogContact.ReplayedHeader).Single());
        var again = await retried.ReadAsync<ContactResponse>();
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.RecordedAt, again.RecordedAt);
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var racedIds = await Task.WhenAll(racing.Select(r => r.ReadAsync<ContactResponse>()));
        Assert.Single(racedIds.Select(c => c.Id).Distinct());
        await using var db = fixture.CreateDbContext();
        Assert.Equal(2, await db.Contacts.CountAsync(c => c.YoungPersonId == person));
        Assert.Equal(2, (await fixture.OutboxAsync<OutreachContactRecorded>(m => m.YoungPersonId == person)).Count);
        foreach (var response in racing)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_answer_to_a_new_contact_is_exactly_what_reading_it_back_and_retrying_it_return()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-precise");
        var park = await worker.LocationAsync("Clifton Park (precise)");
        // The answer is built from the contact in hand, not read back (OUT-01's 50 ms), so instants finer than
        // PostgreSQL's microsecond must be cut in the entity or the answer and a later read would differ.
        var contactedAt = fixture.Now.AddMinutes(-20).AddTicks(1_234_567);
        fixture.Clock.Advance(TimeSpan.FromTicks(7));
        var body = OutreachRequests.Contact(person, contactedAt: contactedAt, locationId: park.Id);

        using var created = await worker.PostLogAsync(body, "precise-0001");
        using var retried = await worker.PostLogAsync(body, "precise-0001");
        fixture.Clock.Advance(TimeSpan.FromTicks(3));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadAsStringAsync();
        var id = System.Text.Json.JsonDocument.Parse(answer).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(answer, await worker.GetStringAsync($"/api/outreach/contacts/{id}"));
        Assert.Equal(answer, await retried.Content.ReadAsStringAsync());
        var contact = System.Text.Json.JsonSerializer.Deserialize<ContactResponse>(answer, OutreachFixture.Json)!;
        Assert.Equal(contactedAt.AddTicks(-7), contact.ContactedAt.Utc);
        Assert.Equal(park.Name, contact.Location?.Name);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_workers_makes_two_contacts()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var one = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-key-one");
        using var two = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-key-two");
        var body = OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5));

        var first = await one.LogAsync(body, "shared-key");
        var second = await two.LogAsync(body, "shared-key");

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_pointing_at_the_original_which_is_kept_unchanged()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-correct");
        var original = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddHours(-1), concern: "Medium"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        var body = OutreachRequests.Contact(contactedAt: fixture.Now.AddHours(-2), concern: "VeryHigh", place: "Bus station");
        body.Remove("youngPersonId");
        body.Remove("aliasId");
        body["correctionReason"] = "Typed the wrong hour; she also told me about the car.";
        using var corrected = await worker.PostLogAsync(body, path: $"/api/outreach/contacts/{original.Id}/corrections");

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correction = await corrected.ReadAsync<ContactResponse>();
        Assert.Equal((original.Id, person, RiskLevel.VeryHigh, "Bus station"), (correction.Corrects!.Value, correction.YoungPersonId!.Value, correction.Concern!.Value, correction.Place!));
        var list = await worker.GetFromJsonAsync<ListYoungPersonContacts.Response>($"/api/outreach/young-people/{person}/contacts", OutreachFixture.Json);
        Assert.Equal(2, list!.Contacts.Count);
        var kept = list.Contacts.Single(c => c.Id == original.Id);
        Assert.Equal((RiskLevel.Medium, original.ContactedAt), (kept.Concern!.Value, kept.ContactedAt));
        Assert.Equal([correction.Id], kept.CorrectedBy);
        Assert.Equal(original.Id, Assert.Single(await fixture.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == correction.Id)).Corrects);

        // The table refuses an edit, whoever tries it (REC-01).
        await using var db = fixture.CreateDbContext();
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outreach.contacts SET notes = 'changed' WHERE id = {original.Id}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("notes", null)]
    [InlineData("channel", "1")]
    [InlineData("channel", "Skateboard")]
    [InlineData("concern", "Extreme")]
    [InlineData("contactedAt", "yesterday at ten")]
    [InlineData("contactedAt", "2026-13-40T22:00")]
    [InlineData("notes", "She said\u0007 hello")]
    public async Task Malformed_input_is_a_400_naming_the_field_and_stores_nothing(string field, string? value)
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-bad");
        var body = OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5));
        body[field] = value;

        using var response = await worker.PostLogAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Contacts.AnyAsync(c => c.YoungPersonId == person));
    }

    [Fact]
    public async Task An_unknown_field_a_bad_idempotency_key_and_an_oversized_body_are_refused()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-shape");
        var body = OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5));
        body["recordedAt"] = fixture.Now.AddDays(-10);
        using var unknown = await worker.PostLogAsync(body);
        using var badKey = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5)), new string('k', 101));
        using var huge = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddMinutes(-5), notes: new string('n', 40_000)));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("Idempotency-Key", await badKey.ErrorFieldsAsync());
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Contacts.AnyAsync(c => c.YoungPersonId == person));
    }

    [Fact]
    public async Task Well_formed_input_that_breaks_a_rule_is_a_422_naming_the_field()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-rules");

        using var future = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now.AddHours(1)));
        using var unknownPerson = await worker.PostLogAsync(OutreachRequests.Contact(Guid.NewGuid(), contactedAt: fixture.Now));
        using var unknownPlace = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now, locationId: Guid.NewGuid()));
        using var neither = await worker.PostLogAsync(OutreachRequests.Contact(contactedAt: fixture.Now));
        using var unknownOriginal = await worker.PostLogAsync(new { channel = "Street", contactedAt = fixture.Now, notes = "x", correctionReason = "y" },
            path: $"/api/outreach/contacts/{Guid.NewGuid()}/corrections");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "contactedAt"), (future.StatusCode, Assert.Single(await future.ErrorFieldsAsync())));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "youngPersonId"), (unknownPerson.StatusCode, Assert.Single(await unknownPerson.ErrorFieldsAsync())));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "locationId"), (unknownPlace.StatusCode, Assert.Single(await unknownPlace.ErrorFieldsAsync())));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "youngPersonId"), (neither.StatusCode, Assert.Single(await neither.ErrorFieldsAsync())));
        Assert.Equal(HttpStatusCode.NotFound, unknownOriginal.StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Contacts.AnyAsync(c => c.YoungPersonId == person));
    }

    [Fact]
    public async Task Only_outreach_staff_log_contacts_and_commissioners_and_governance_read_nothing_identifiable()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-access");
        var contact = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now));
        using var anonymous = fixture.Host.CreateClient();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-access");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/outreach/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/outreach/contacts/{contact.Id}")).StatusCode);
        foreach (var role in new[] { Roles.Commissioner, Roles.Governance })
        {
            using var aggregate = fixture.Host.ClientFor(role, "aggregate-reader");
            foreach (var path in new[] { $"/api/outreach/contacts/{contact.Id}", $"/api/outreach/young-people/{person}/contacts", "/api/outreach/locations", "/api/outreach/aliases?name=a" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await aggregate.GetAsync(path)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Reading_a_young_persons_contacts_is_in_the_access_log_against_them()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-audit");
        var contact = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now));
        using var reader = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-audit");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/outreach/young-people/{person}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/outreach/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/outreach/young-people/{Guid.NewGuid()}/contacts")).StatusCode);

        await using var db = fixture.CreateDbContext();
        var log = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == person).ToListAsync();
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Equal((AccessSubjects.YoungPerson, AccessActions.Read, "pc-audit"), (e.SubjectType, e.Action, e.Actor)));
    }

    [Fact]
    public async Task Contact_notes_never_reach_the_logs()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-logs");
        const string marker = "Marker-notes-7d1e: he drives a blue Astra";
        var contact = await worker.LogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now, notes: marker));
        await worker.GetAsync($"/api/outreach/contacts/{contact.Id}");
        using var bad = await worker.PostLogAsync(OutreachRequests.Contact(person, contactedAt: fixture.Now, notes: marker + "\u0001"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        Assert.Contains(fixture.Logs.Lines, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains("Marker-notes-7d1e", StringComparison.Ordinal));
    }
}
