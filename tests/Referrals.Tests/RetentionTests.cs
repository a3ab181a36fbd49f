using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Registry;
using Support.Contracts.SupportLine;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain;
using Support.Referrals.Features.Retention;
using Support.Registry;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REC-04 and <c>RecordRetention</c>: "case records of looked-after children kept until the 75th birthday; others 25th
/// birthday + 6 years; never deleted by a user, only by a retention job that is itself audited". Each class has its own
/// database, so the young people here are the only ones a pass can find.
/// </summary>
public sealed class RetentionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-retention");
    private HttpClient Officer() => fixture.Host.ClientFor(Roles.DataProtectionOfficer, "dpo-retention");
    private DateOnly Today => London.Today(fixture.Clock);

    private async Task<Guid> BornAsync(DateOnly dateOfBirth, string given)
    {
        using var worker = Worker();
        return (await worker.RegisterAsync(YoungPersonRequests.Valid(given, "Retained", dateOfBirth.ToString("yyyy-MM-dd")))).Id;
    }

    /// <summary>Looked after: a foster placement from their 15th birthday (REF-26), which puts them under the 75th-birthday rule.</summary>
    private async Task LookedAfterAsync(Guid child, DateOnly dateOfBirth)
    {
        using var worker = Worker();
        using var placed = await worker.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = child, type = "FosterCare", reason = "AssessedNeed", setting = "Foster carers in Wath", startedOn = dateOfBirth.AddYears(15),
            rationale = "Could not stay at home; her aunt's friends were the risk.",
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }

    private async Task<RetentionRunResponse> RunAsync()
    {
        using var officer = Officer();
        using var response = await officer.PostAsync("/api/referrals/retention/runs", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<RetentionRunResponse>();
    }

    private async Task<List<RetentionPeriodEnded>> AnnouncedAsync(Guid child) =>
        await fixture.OutboxAsync<RetentionPeriodEnded>(m => m.YoungPersonId == child);

    [Fact]
    public async Task Records_are_due_for_removal_on_the_birthday_the_rule_names_and_not_a_day_before_and_a_legal_hold_keeps_them()
    {
        var thirtyFirst = Today.AddYears(-31);
        var otherDue = await BornAsync(thirtyFirst, "Dueneeve");                      // 25th birthday + 6 years is today
        var otherTomorrow = await BornAsync(thirtyFirst.AddDays(1), "Tomorrow");      // ... is tomorrow
        var lookedAfterAt31 = await BornAsync(thirtyFirst, "Fostered");                // looked after: kept until 75
        await LookedAfterAsync(lookedAfterAt31, thirtyFirst);
        var seventyFifth = Today.AddYears(-75);
        var lookedAfterDue = await BornAsync(seventyFifth, "Elder");                   // looked after, 75 today
        await LookedAfterAsync(lookedAfterDue, seventyFifth);
        var held = await BornAsync(Today.AddYears(-40), "Heldback");
        LegalHoldResponse hold;
        using (var officer = Officer())
        using (var placed = await officer.PostAsJsonAsync($"/api/referrals/young-people/{held}/legal-holds", new { reason = "Civil claim against the council: records preserved." }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            hold = await placed.ReadAsync<LegalHoldResponse>();
        }

        var run = await RunAsync();
        Assert.Equal((2, 1, "dpo-retention", Today), (run.Erased, run.Held, run.StartedBy, run.Today));
        var other = Assert.Single(await AnnouncedAsync(otherDue));
        Assert.Equal((RetentionRule.Other, Today.AddDays(-1)), (other.Rule, other.RetainUntil));
        var elder = Assert.Single(await AnnouncedAsync(lookedAfterDue));
        Assert.Equal((RetentionRule.LookedAfter, Today.AddDays(-1)), (elder.Rule, elder.RetainUntil));
        foreach (var kept in new[] { otherTomorrow, lookedAfterAt31, held })
        {
            Assert.Empty(await AnnouncedAsync(kept));
        }
        using (var officer = Officer())
        {
            var tombstones = (await officer.GetFromJsonAsync<List<TombstoneResponse>>("/api/referrals/retention/tombstones", YoungPersonRequests.Json))!;
            Assert.Equal(new[] { lookedAfterDue, otherDue }.Order(), tombstones.Select(t => t.YoungPersonId).Order());
            Assert.All(tombstones, t => Assert.Equal(run.Id, t.RunId));
        }

        // A second pass removes nothing again; the hold still keeps its young person.
        var again = await RunAsync();
        Assert.Equal((0, 1), (again.Erased, again.Held));
        Assert.Single(await AnnouncedAsync(otherDue));

        // Released, with a reason, the held records go at the next pass.
        using (var officer = Officer())
        using (var released = await officer.PostAsJsonAsync($"/api/referrals/young-people/{held}/legal-holds/{hold.Id}/release", new { reason = "Claim settled." }))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        }
        var third = await RunAsync();
        Assert.Equal((1, 0), (third.Erased, third.Held));
        Assert.Equal(RetentionRule.Other, Assert.Single(await AnnouncedAsync(held)).Rule);
        using (var officer = Officer())
        {
            // The job's own passes (on its schedule, as retention-job) are listed too; these three are the officer's.
            var runs = (await officer.GetFromJsonAsync<List<RetentionRunResponse>>("/api/referrals/retention/runs", YoungPersonRequests.Json))!;
            Assert.Equal(new[] { run.Id, again.Id, third.Id }.Order(), runs.Where(r => r.StartedBy == "dpo-retention").Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task The_erasure_removes_every_row_about_the_young_person_even_from_append_only_tables_and_nothing_about_anyone_else()
    {
        var gone = await BornAsync(Today.AddYears(-31), "Erased");
        var stays = await BornAsync(Today.AddYears(-30), "Remains");
        using (var worker = Worker())
        {
            foreach (var child in new[] { gone, stays })
            {
                await worker.AddNoteAsync(child, fixture.Clock.GetUtcNow().AddDays(-400), "Seen at the bus station late at night with older men.");
                using var shared = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/sharing-relationships",
                    new { userId = "dsl-retention", kind = "School", reason = "Her college's safeguarding lead" });
                Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
            }
        }
        using (var officer = Officer())
        using (var placed = await officer.PostAsJsonAsync($"/api/referrals/young-people/{gone}/legal-holds", new { reason = "Inquiry." }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }

        IReadOnlyDictionary<string, int> removed;
        await using (var db = fixture.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            removed = await RetentionErasure.EraseAsync(db, gone, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // Append-only chronology, the registry and its details, the sharing relationship: all gone, and counted.
        Assert.Equal(1, removed["referrals.young_people"]);
        Assert.Equal(1, removed["referrals.young_person_details"]);
        Assert.Equal(1, removed["referrals.chronology_entries"]); // the note (the bus, which would add more, is not running here)
        Assert.Equal(1, removed["referrals.sharing_relationships"]);
        Assert.DoesNotContain("referrals.legal_holds", removed.Keys); // the hold is the erasure's own audit: kept
        await using (var db = fixture.CreateDbContext())
        {
            Assert.False(await db.YoungPeople.AnyAsync(p => p.Id == gone));
            Assert.False(await db.ChronologyEntries.AnyAsync(e => e.YoungPersonId == gone));
            Assert.False(await db.Set<YoungPersonDetails>().AnyAsync(d => d.YoungPersonId == gone));
            Assert.Equal(1, await db.ChronologyEntries.CountAsync(e => e.YoungPersonId == stays));
            Assert.True(await db.YoungPeople.AnyAsync(p => p.Id == stays));
            Assert.True(await db.Set<SharingRelationship>().AnyAsync(r => r.YoungPersonId == stays));
        }
        using (var worker = Worker())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/referrals/young-people/{gone}")).StatusCode);
        }

        // The permission lasted the erasure's transaction only: nobody else's chronology can be deleted afterwards.
        await using (var db = fixture.CreateDbContext())
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ChronologyEntries.Where(e => e.YoungPersonId == stays).ExecuteDeleteAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("append-only", refused.MessageText);
        }
        // And erasure outside a transaction is refused: it must commit with its tombstone or its answer.
        await using (var db = fixture.CreateDbContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => RetentionErasure.EraseAsync(db, stays, CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_event_still_in_flight_about_an_erased_young_person_writes_nothing_and_the_same_event_about_another_is_recorded()
    {
        // Neither is due under the rule: the erasure is asked for directly, so the passes of the other tests leave them be.
        var gone = await BornAsync(Today.AddYears(-20), "Inflight");
        var stays = await BornAsync(Today.AddYears(-20), "Arrives");
        var harness = await fixture.StartedHarnessAsync();
        var tombstoneId = Guid.NewGuid();
        await harness.Bus.Publish(new RetentionPeriodEnded
        {
            TombstoneId = tombstoneId, YoungPersonId = gone, Rule = RetentionRule.Other, RetainUntil = Today.AddDays(-1), OccurredAt = fixture.Clock.GetUtcNow(),
        });
        var marker = await Eventually.GetAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.Set<ErasedYoungPerson>().AsNoTracking().SingleOrDefaultAsync(e => e.YoungPersonId == gone);
        }, because: "the erasure to mark the young person erased");
        Assert.Equal(tombstoneId, marker.TombstoneId);

        // A text marked as their views, sent before the erasure and delivered after it, about each of them.
        foreach (var person in new[] { gone, stays })
        {
            await harness.Bus.Publish(new YoungPersonViewsRecorded
            {
                ViewsId = Guid.NewGuid(), YoungPersonId = person, Words = "late words", SaidAt = fixture.Clock.GetUtcNow().AddDays(-2),
                Method = "text message", RecordedBy = "duty-late", OccurredAt = fixture.Clock.GetUtcNow().AddDays(-1),
            });
        }
        Assert.Contains(await fixture.WaitForChronologyEntriesAsync(stays, 1), e => e.Kind == ChronologyEntryKind.YoungPersonViewsRecorded);
        Assert.True(await harness.Consumed.Any<YoungPersonViewsRecorded>(c => c.Context.Message.YoungPersonId == gone));
        Assert.Null(harness.Consumed.Select<YoungPersonViewsRecorded>(c => c.Context.Message.YoungPersonId == gone).First().Exception);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.False(await db.ChronologyEntries.AnyAsync(e => e.YoungPersonId == gone));
            Assert.False(await db.YoungPeople.AnyAsync(p => p.Id == gone));
            // The marker is kept like the tombstone, and never changed.
            var change = await Record.ExceptionAsync(() => db.Set<ErasedYoungPerson>().Where(e => e.YoungPersonId == gone).ExecuteDeleteAsync());
            Assert.Contains("append-only", change?.Message ?? "", StringComparison.Ordinal);
        }
        var answered = Assert.Single(await fixture.OutboxAsync<YoungPersonRecordsErased>(m => m.TombstoneId == tombstoneId));
        Assert.Equal("referrals", answered.Service);
    }

    [Fact]
    public async Task A_legal_hold_is_placed_and_released_with_a_reason_by_a_data_protection_officer_or_senior_manager_only()
    {
        var child = await BornAsync(new DateOnly(2010, 5, 14), "Holdme");
        var url = $"/api/referrals/young-people/{child}/legal-holds";
        using var officer = Officer();
        using (var noReason = await officer.PostAsJsonAsync(url, new { reason = "  " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        }
        using (var worker = Worker())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync(url, new { reason = "Mine." })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync("/api/referrals/retention/runs", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/legal-holds", new { reason = "r" })).StatusCode);
        LegalHoldResponse hold;
        using (var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-retention"))
        using (var placed = await senior.PostAsJsonAsync(url, new { reason = "Serious case review." }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            hold = await placed.ReadAsync<LegalHoldResponse>();
        }
        Assert.Equal(("sm-retention", "SeniorManager", true), (hold.PlacedBy, hold.PlacedByRole, hold.Active));
        using (var noReason = await officer.PostAsJsonAsync($"{url}/{hold.Id}/release", new { }))
        {
            Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"{url}/{hold.Id}/release", new { reason = "Review published." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"{url}/{hold.Id}/release", new { reason = "Again." })).StatusCode);
        var holds = (await officer.GetFromJsonAsync<List<LegalHoldResponse>>(url, YoungPersonRequests.Json))!;
        var only = Assert.Single(holds);
        Assert.Equal((false, "dpo-retention", "Review published."), (only.Active, only.ReleasedBy, only.ReleaseReason));
    }
}
