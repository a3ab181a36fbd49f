using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 16 item 4, REC-10: a young person's or adult survivor's request for their record is recorded by whoever they
/// told, is due one calendar month later (moved to the next working day), may be extended once with a reason, and is
/// answered with a subject-access pack reviewed for third parties; a missed deadline stays visible.
/// </summary>
public sealed class SubjectAccessRequestTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Theory]
    [InlineData("2026-11-25", 1, "2026-12-29")] // 25 Dec is Christmas (Fri), then a weekend, then Boxing Day's substitute (Mon 28)
    [InlineData("2027-01-31", 1, "2027-03-01")] // no 31 February: the last day, 28 Feb, is a Sunday
    [InlineData("2026-10-30", 1, "2026-11-30")] // a Monday: no move
    [InlineData("2026-11-25", 3, "2027-02-25")] // an extension: three months from receipt
    [InlineData("2027-03-29", 1, "2027-04-29")] // a month later crosses Easter (26-29 March 2027) but lands on a Thursday
    public void The_due_date_is_the_same_day_of_the_month_after_or_the_next_working_day(string receivedOn, int months, string due) =>
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRequest.DueAfter(DateOnly.Parse(receivedOn), months));

    private async Task<Guid> ChildAsync()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-sar");
        return (await social.RegisterAsync(YoungPersonRequests.Valid("Asking", "Forrecord", "2008-02-02"))).Id;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A pack of the child's record, complete: every other service has answered with its part.</summary>
    private async Task<Guid> PackAsync(HttpClient dpo, Guid child, string purpose = "SubjectAccess")
    {
        var pack = await IncompletePackAsync(dpo, child, purpose);
        await fixture.CompletePackAsync(pack, child);
        return pack;
    }

    private static async Task<Guid> IncompletePackAsync(HttpClient dpo, Guid child, string purpose = "SubjectAccess") =>
        (await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs", new { purpose, recipient = "The young person" })))
        .GetProperty("id").GetGuid();

    [Fact]
    public async Task A_request_told_to_a_social_worker_is_recorded_with_its_computed_deadline_and_announced()
    {
        var child = await ChildAsync();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-told");
        var today = DateOnly.FromDateTime(ReferralsFixture.Now.UtcDateTime);

        var recorded = await JsonAsync(await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/subject-access-requests",
            new { requester = "YoungPerson", howReceived = "Asked her social worker at a visit", receivedOn = "2026-11-25" }));

        Assert.Equal("2026-12-29", recorded.GetProperty("dueOn").GetString());
        Assert.True(recorded.GetProperty("open").GetBoolean());
        Assert.False(recorded.GetProperty("overdue").GetBoolean());
        Assert.Equal("sw-told", recorded.GetProperty("recordedBy").GetString());
        var announced = Assert.Single(await fixture.OutboxAsync<SubjectAccessRequestReceived>(m => m.YoungPersonId == child));
        Assert.Equal(new DateOnly(2026, 12, 29), announced.DueOn);
        Assert.Equal("YoungPerson", announced.Requester);
        Assert.True(today >= new DateOnly(2026, 11, 25));
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field_and_store_nothing()
    {
        var child = await ChildAsync();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-bad-sar");
        var path = $"/api/referrals/young-people/{child}/subject-access-requests";
        foreach (var (body, field) in new (object, string)[]
        {
            (new { requester = "Child", howReceived = "Letter", receivedOn = "2026-11-20" }, "requester"),
            (new { requester = 1, howReceived = "Letter", receivedOn = "2026-11-20" }, "requester"),
            (new { requester = "YoungPerson", receivedOn = "2026-11-20" }, "howReceived"),
            (new { requester = "YoungPerson", howReceived = "Letter", receivedOn = "2026-12-20" }, "receivedOn"),
            (new { requester = "YoungPerson", howReceived = "Letter", receivedOn = "2024-11-20" }, "receivedOn"),
            (new { requester = "YoungPerson", howReceived = "Letter", receivedOn = "2026-11-20", dueOn = "2027-06-01" }, "dueOn"),
        })
        {
            using var refused = await social.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(field, await refused.ErrorFieldsAsync(), StringComparer.OrdinalIgnoreCase);
        }
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "commissioner-sar");
        using var forbidden = await commissioner.PostAsJsonAsync(path, new { requester = "YoungPerson", howReceived = "Letter", receivedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var unknown = await social.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/subject-access-requests",
            new { requester = "YoungPerson", howReceived = "Letter", receivedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var db = fixture.CreateDbContext();
        Assert.False(await db.SubjectAccessRequests.AnyAsync(r => r.YoungPersonId == child));
    }

    [Fact]
    public async Task An_extension_needs_a_reason_happens_once_and_the_answer_must_be_a_reviewed_subject_access_pack_of_the_same_person()
    {
        var child = await ChildAsync();
        var other = await ChildAsync();
        using var adviser = fixture.Host.ClientFor(Roles.PersonalAdviser, "pa-sar");
        using var dpo = fixture.Host.ClientFor(Roles.DataProtectionOfficer, "dpo-sar");
        var id = (await JsonAsync(await adviser.PostAsJsonAsync($"/api/referrals/young-people/{child}/subject-access-requests",
            new { requester = "AdultSurvivor", howReceived = "Told her personal adviser", receivedOn = "2026-11-25" }))).GetProperty("id").GetGuid();

        using (var noReason = await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/extension", new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Equal(new[] { "reason" }, await noReason.ErrorFieldsAsync());
        }
        var extended = await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/extension",
            new { reason = "Records from three services and a serious case review to reconcile." }));
        Assert.Equal("2027-02-25", extended.GetProperty("extendedDueOn").GetString());
        Assert.Equal("dpo-sar", extended.GetProperty("extendedBy").GetString());
        using (var twice = await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/extension", new { reason = "More time." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        }
        Assert.Equal(new DateOnly(2027, 2, 25), Assert.Single(await fixture.OutboxAsync<SubjectAccessRequestExtended>(m => m.RequestId == id)).DueOn);
        using (var adviserExtends = await adviser.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/extension", new { reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, adviserExtends.StatusCode);
        }

        var review = await PackAsync(dpo, child, "CaseReview");
        var theirs = await PackAsync(dpo, other);
        var incomplete = await IncompletePackAsync(dpo, child);
        var pack = await PackAsync(dpo, child);
        foreach (var (body, field) in new (object, string)[]
        {
            // REC-10: the whole record is released or nothing; a part still to come would go out unreviewed.
            (new { packId = incomplete, thirdPartiesReviewed = true }, "packId"),
            (new { packId = review, thirdPartiesReviewed = true }, "packId"),
            (new { packId = theirs, thirdPartiesReviewed = true }, "packId"),
            (new { packId = pack, thirdPartiesReviewed = false }, "thirdPartiesReviewed"),
        })
        {
            using var refused = await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/answer", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(new[] { field }, await refused.ErrorFieldsAsync());
        }
        Assert.Empty(await fixture.OutboxAsync<SubjectAccessRequestAnswered>(m => m.RequestId == id));

        var answered = await JsonAsync(await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/answer", new { packId = pack, thirdPartiesReviewed = true }));
        Assert.False(answered.GetProperty("open").GetBoolean());
        Assert.False(answered.GetProperty("answeredLate").GetBoolean());
        Assert.Equal(pack, answered.GetProperty("answeredWithPackId").GetGuid());
        using (var again = await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/answer", new { packId = pack, thirdPartiesReviewed = true }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }
        var announced = Assert.Single(await fixture.OutboxAsync<SubjectAccessRequestAnswered>(m => m.RequestId == id));
        Assert.Equal(pack, announced.PackId);
        Assert.False(announced.Late);
    }

    [Fact]
    public async Task A_missed_deadline_is_listed_as_overdue_can_no_longer_be_extended_and_a_late_answer_says_so()
    {
        var child = await ChildAsync();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-late");
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-sar");
        // Received 21 October: due 21 November, a Saturday, so Monday 23 November; it is 25 November or later now.
        var id = (await JsonAsync(await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/subject-access-requests",
            new { requester = "Representative", howReceived = "Solicitor's letter", receivedOn = "2026-10-21" }))).GetProperty("id").GetGuid();
        Assert.Equal("2026-11-23", (await auditor.GetFromJsonAsync<JsonElement>($"/api/referrals/subject-access-requests?youngPersonId={child}"))
            .EnumerateArray().Single().GetProperty("dueOn").GetString());

        var overdue = await auditor.GetFromJsonAsync<JsonElement>("/api/referrals/subject-access-requests?overdue=true");
        var listed = overdue.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.True(listed.GetProperty("overdue").GetBoolean());
        using (var tooLate = await auditor.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/extension", new { reason = "Complex." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLate.StatusCode);
        }

        var pack = await PackAsync(auditor, child);
        var answered = await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/subject-access-requests/{id}/answer", new { packId = pack, thirdPartiesReviewed = true }));
        Assert.True(answered.GetProperty("answeredLate").GetBoolean());
        Assert.True(Assert.Single(await fixture.OutboxAsync<SubjectAccessRequestAnswered>(m => m.RequestId == id)).Late);
        var after = await auditor.GetFromJsonAsync<JsonElement>("/api/referrals/subject-access-requests?overdue=true");
        Assert.DoesNotContain(after.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        using var social2 = fixture.Host.ClientFor(Roles.SocialWorker, "sw-list");
        Assert.Equal(HttpStatusCode.Forbidden, (await social2.GetAsync("/api/referrals/subject-access-requests")).StatusCode);
    }
}
