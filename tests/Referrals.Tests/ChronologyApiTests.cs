using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Domain.Chronology;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REC-01, REC-02, REC-04, REC-05, REC-08: reading, writing and verifying a young person's chronology.</summary>
public sealed class ChronologyApiTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<(HttpClient Client, Guid Id)> PersonAsync(string user = "sw-chron")
    {
        var client = fixture.Host.ClientFor(Roles.SocialWorker, user);
        return (client, (await client.RegisterAsync()).Id);
    }

    private async Task TamperAsync(string sql)
    {
        // The test connection is the superuser: switch the append-only trigger off to play the part of someone with
        // direct database access, then back on.
        await using var db = fixture.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE referrals.chronology_entries DISABLE TRIGGER chronology_entries_append_only");
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE referrals.chronology_entries ENABLE TRIGGER chronology_entries_append_only");
        }
    }

    [Fact]
    public async Task Entries_are_listed_by_when_they_happened_each_dated_by_the_server_and_signed_from_the_token()
    {
        var (client, id) = await PersonAsync("sw-order");
        using var owned = client;

        await client.AddNoteAsync(id, Day.AddDays(2), "Third by date");
        await client.AddNoteAsync(id, Day, "First by date");
        await client.AddNoteAsync(id, Day.AddDays(1), "Second by date");

        var chronology = await client.ChronologyAsync(id);
        Assert.Equal(["First by date", "Second by date", "Third by date"], chronology.Entries.Select(e => e.Detail));
        Assert.Equal([2, 3, 1], chronology.Entries.Select(e => e.Sequence));
        Assert.All(chronology.Entries, e =>
        {
            Assert.Equal(ChronologyEntryKind.CaseNote, e.Kind);
            Assert.Equal("sw-order", e.AuthorId);
            Assert.Equal(Roles.SocialWorker, e.AuthorRole);
            Assert.Equal(ReferralsFixture.Now, e.RecordedAt.Utc);
            Assert.Equal("referrals", e.SourceService);
            Assert.Matches("^[0-9a-f]{64}$", e.Hash);
        });
        Assert.Equal((new DateTime(2026, 6, 1, 11, 0, 0), TimeSpan.FromHours(1), "BST"), (chronology.Entries[0].OccurredAt.London.DateTime, chronology.Entries[0].OccurredAt.London.Offset, chronology.Entries[0].OccurredAt.Zone));
        Assert.Equal(3, chronology.TotalEntries);
        Assert.Null(chronology.OlderBefore);
    }

    [Fact]
    public async Task Paging_with_before_and_limit_walks_back_from_the_latest_entries()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 5; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(i), $"Note {i}");
        }

        var latest = await client.ChronologyAsync(id, "?limit=2");
        Assert.Equal(["Note 3", "Note 4"], latest.Entries.Select(e => e.Detail));
        Assert.Equal(latest.Entries[0].Id, latest.OlderBefore);
        var older = await client.ChronologyAsync(id, $"?limit=2&before={latest.OlderBefore}");
        Assert.Equal(["Note 1", "Note 2"], older.Entries.Select(e => e.Detail));
        var oldest = await client.ChronologyAsync(id, $"?limit=2&before={older.OlderBefore}");
        Assert.Equal(["Note 0"], oldest.Entries.Select(e => e.Detail));
        Assert.Null(oldest.OlderBefore);
        var byInstant = await client.ChronologyAsync(id, $"?before={Uri.EscapeDataString(Day.AddHours(2).ToString("O"))}");
        Assert.Equal(["Note 0", "Note 1"], byInstant.Entries.Select(e => e.Detail));
        // Every page counts the whole chronology, not just what it shows.
        Assert.Equal([5, 5, 5, 5, 5], new[] { latest, older, oldest, byInstant, await client.ChronologyAsync(id) }.Select(p => p.TotalEntries));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(ChronologyRequests.Path(id) + "?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(ChronologyRequests.Path(id) + "?before=yesterday-ish")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(ChronologyRequests.Path(id) + $"?before={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_pointing_at_the_one_it_corrects_and_the_original_links_back_unchanged()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        var original = await client.AddNoteAsync(id, Day, "Seen at the bus station");

        var correction = await client.AddNoteAsync(id, Day, "Seen at the train station, not the bus station", original.Id);

        Assert.Equal(ChronologyEntryKind.Correction, correction.Kind);
        Assert.Equal(original.Id, correction.Corrects);
        var entries = (await client.ChronologyAsync(id)).Entries;
        var stored = entries.Single(e => e.Id == original.Id);
        Assert.Equal("Seen at the bus station", stored.Detail);
        Assert.Equal(original.Hash, stored.Hash);
        Assert.Equal([correction.Id], stored.CorrectedBy);
        Assert.Equal(original.Id, entries.Single(e => e.Id == correction.Id).Corrects);
    }

    [Fact]
    public async Task An_entry_on_an_older_page_still_names_the_correction_written_after_it()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        var original = await client.AddNoteAsync(id, Day, "Went missing from school at noon");
        var found = await client.AddNoteAsync(id, Day.AddHours(1), "Found at a friend's house");
        var correction = await client.AddNoteAsync(id, Day.AddHours(2), "Went missing at 10:00, not noon", original.Id);

        var latest = await client.ChronologyAsync(id, "?limit=1");
        var olderPage = await client.ChronologyAsync(id, $"?limit=2&before={latest.OlderBefore}");

        Assert.Equal([correction.Id], latest.Entries.Select(e => e.Id));
        Assert.Equal([original.Id, found.Id], olderPage.Entries.Select(e => e.Id));
        Assert.Equal([correction.Id], olderPage.Entries[0].CorrectedBy);
        Assert.Empty(olderPage.Entries[1].CorrectedBy);
    }

    [Fact]
    public async Task A_case_note_needs_a_date_it_happened_and_text_and_cannot_be_dated_in_the_future()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;

        using var noDate = await client.PostAsJsonAsync(ChronologyRequests.Path(id), new { text = "Phoned school" });
        using var noText = await client.PostAsJsonAsync(ChronologyRequests.Path(id), new { occurredAt = Day });
        using var future = await client.PostAsJsonAsync(ChronologyRequests.Path(id), new { occurredAt = ReferralsFixture.Now.AddHours(1), text = "Later" });
        using var foreign = await client.PostAsJsonAsync(ChronologyRequests.Path(id), new { occurredAt = Day, text = "Fix", corrects = Guid.NewGuid() });
        using var unknown = await client.PostAsJsonAsync(ChronologyRequests.Path(Guid.NewGuid()), new { occurredAt = Day, text = "Note" });
        // Who and when are the server's (REC-01): a request naming them is refused by name.
        using var forged = await client.PostAsJsonAsync(ChronologyRequests.Path(id),
            new { occurredAt = Day, text = "Note", recordedAt = Day, authorId = "someone-else" });
        using var recordedAtIgnored = await client.PostAsJsonAsync(ChronologyRequests.Path(id), new { occurredAt = Day, text = "Note" });

        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.True((await noDate.ProblemAsync()).GetProperty("errors").TryGetProperty("occurredAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.True((await noText.ProblemAsync()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.True((await future.ProblemAsync()).GetProperty("errors").TryGetProperty("occurredAt", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.True((await foreign.ProblemAsync()).GetProperty("errors").TryGetProperty("corrects", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("recordedAt", (await forged.ErrorFieldsAsync()).ToList());
        var signed = (await recordedAtIgnored.Content.ReadFromJsonAsync<Features.Chronology.ChronologyEntryResponse>(YoungPersonRequests.Json))!;
        Assert.Equal((ReferralsFixture.Now, "sw-chron"), (signed.RecordedAt.Utc, signed.AuthorId));
    }

    [Fact]
    public async Task An_unknown_young_person_has_no_chronology()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ChronologyRequests.Path(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ChronologyRequests.Path(Guid.NewGuid()) + "/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ChronologyRequests.Path(Guid.NewGuid()) + $"?before={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Commissioners_get_403_and_anonymous_callers_401_on_every_chronology_route()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);
        using var anonymous = fixture.Host.CreateClient();
        var note = new { occurredAt = Day, text = "Note" };

        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(ChronologyRequests.Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(ChronologyRequests.Path(id) + "/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync(ChronologyRequests.Path(id), note)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ChronologyRequests.Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ChronologyRequests.Path(id) + "/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(ChronologyRequests.Path(id), note)).StatusCode);
    }

    [Fact]
    public async Task Every_read_of_the_chronology_and_of_its_verification_is_in_the_access_log()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-chron");

        await police.ChronologyAsync(id);
        await police.VerifyAsync(id);

        await using var db = fixture.CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == id && e.Actor == "pc-chron").OrderBy(e => e.Path).ToListAsync();
        Assert.Equal([ChronologyRequests.Path(id), ChronologyRequests.Path(id) + "/verify"], reads.Select(r => r.Path));
        Assert.All(reads, r => Assert.Equal((YoungPeopleEndpoints.SubjectType, AccessActions.Read), (r.SubjectType, r.Action)));
    }

    [Fact]
    public async Task An_untouched_chronology_verifies_as_intact()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 4; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(-i), $"Note {i}");
        }

        var result = await client.VerifyAsync(id);

        Assert.True(result.Intact);
        Assert.Equal((4, 4), (result.Entries, result.LastSequence));
        Assert.Null(result.FirstBrokenSequence);
        Assert.Null(result.Problem);
    }

    [Fact]
    public async Task An_entry_edited_directly_in_the_database_is_reported_at_its_sequence_number()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 4; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(i), $"Note {i}");
        }

        await TamperAsync($"UPDATE referrals.chronology_entries SET detail = 'Nothing happened' WHERE young_person_id = '{id}' AND sequence = 3");

        var result = await client.VerifyAsync(id);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_recomputes_its_own_hash_still_breaks_the_link_to_the_next_entry()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 3; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(i), $"Note {i}");
        }

        await TamperAsync($"UPDATE referrals.chronology_entries SET hash = repeat('0', 64) WHERE young_person_id = '{id}' AND sequence = 2");

        var result = await client.VerifyAsync(id);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_as_a_gap_in_the_sequence()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 4; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(i), $"Note {i}");
        }

        await TamperAsync($"DELETE FROM referrals.chronology_entries WHERE young_person_id = '{id}' AND sequence = 2");

        var result = await client.VerifyAsync(id);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains("entry 2 is missing", result.Problem, StringComparison.Ordinal);
        Assert.Equal(3, result.Entries);
    }

    [Fact]
    public async Task A_deleted_last_entry_is_reported_against_the_chain_head()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        for (var i = 0; i < 3; i++)
        {
            await client.AddNoteAsync(id, Day.AddHours(i), $"Note {i}");
        }

        await TamperAsync($"DELETE FROM referrals.chronology_entries WHERE young_person_id = '{id}' AND sequence = 3");

        var result = await client.VerifyAsync(id);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task The_chronology_table_refuses_updates_and_deletes()
    {
        var (client, id) = await PersonAsync();
        using var owned = client;
        await client.AddNoteAsync(id, Day, "Note");
        await using var db = fixture.CreateDbContext();

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE referrals.chronology_entries SET summary = 'x' WHERE young_person_id = {id}"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM referrals.chronology_entries WHERE young_person_id = {id}"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }
}
