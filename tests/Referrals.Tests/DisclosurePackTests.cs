using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Referrals.Domain.Disclosure;
using Support.Registry;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REC-08, REC-09, REC-10 (issue 16 item 3): an auditor makes a complete pack of one young person's record, redacts
/// it for a recipient with a reason for every redaction, and compares the original and the redacted version; the
/// original never changes, the redacted version leaks nothing redacted, every pack read is a read of the record.
/// </summary>
public sealed class DisclosurePackTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string Sibling = "Jayden Brookfield";

    /// <summary>A young person with case notes (one naming a sibling twice), a finalised meeting and a police outcome.</summary>
    private async Task<Guid> RecordedChildAsync()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-disclosure");
        var child = (await social.RegisterAsync(YoungPersonRequests.Valid("Disclosed", "Record", "2009-09-09"))).Id;
        var now = fixture.Clock.GetUtcNow();
        await social.AddNoteAsync(child, now.AddHours(-3), $"Her brother {Sibling} was seen with the same men; {Sibling} has a CSE history.");
        await social.AddNoteAsync(child, now.AddHours(-2), "Visited at home; mother present.");
        await social.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], now.AddHours(-1)));
        await social.RecordPoliceOutcomeAsync(child);
        return child;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_packs_made_of_a_record_are_listed_newest_first_with_what_each_still_awaits_and_the_list_is_a_read()
    {
        var child = await RecordedChildAsync();
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-list");
        var first = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "CaseReview", recipient = "Review panel" }))).GetProperty("id").GetGuid();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "The young person" }))).GetProperty("id").GetGuid();
        await fixture.CompletePackAsync(first, child);

        var listed = (await JsonAsync(await auditor.GetAsync($"/api/referrals/young-people/{child}/disclosure-packs"))).EnumerateArray().ToList();

        Assert.Equal([second, first], listed.Select(p => p.GetProperty("id").GetGuid()));
        Assert.False(listed[0].GetProperty("complete").GetBoolean());
        Assert.Equal(DisclosureRequests.ContributingServices.Order(), listed[0].GetProperty("awaiting").EnumerateArray().Select(s => s.GetString()!).Order());
        Assert.True(listed[1].GetProperty("complete").GetBoolean());
        Assert.Equal("Review panel", listed[1].GetProperty("recipient").GetString());
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<AccessLogEntry>().AnyAsync(e => e.SubjectId == child && e.Actor == "auditor-list" && e.Action == AccessActions.Read));
        using var social = fixture.Host.ClientFor(Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync($"/api/referrals/young-people/{child}/disclosure-packs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}/disclosure-packs")).StatusCode);
    }

    [Fact]
    public async Task An_auditor_makes_a_complete_pack_whose_manifest_counts_every_section_and_whose_checksum_verifies()
    {
        var child = await RecordedChildAsync();
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-pack");

        var manifest = await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "The young person" }));

        var sections = manifest.GetProperty("sections");
        Assert.Equal(2, sections.GetProperty(PackSections.Chronology).GetInt32());
        Assert.Equal(1, sections.GetProperty(PackSections.MeetingDecisions).GetInt32());
        Assert.Equal(1, sections.GetProperty(PackSections.OwnWords).GetInt32());
        Assert.Equal(1, sections.GetProperty(PackSections.PoliceOutcomes).GetInt32());
        Assert.Equal(5, manifest.GetProperty("itemCount").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", manifest.GetProperty("sha256").GetString());
        var packId = manifest.GetProperty("id").GetGuid();
        var read = await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=original"));
        Assert.True(read.GetProperty("checksumVerified").GetBoolean());
        var words = read.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("section").GetString() == PackSections.OwnWords);
        Assert.Equal("I just want them to leave me alone.", words.GetProperty("original").GetProperty("inOwnWords").GetString());

        await using var db = fixture.CreateDbContext();
        var log = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == child && e.Actor == "auditor-pack").Select(e => e.Action).ToListAsync();
        Assert.Equal(new[] { AccessActions.Export, AccessActions.Read }.Order(), log.Order());
    }

    [Fact]
    public async Task The_young_persons_own_words_from_meetings_texts_and_return_interviews_come_first_newest_first_and_reading_them_is_audited()
    {
        var child = await RecordedChildAsync();
        var harness = await fixture.StartedHarnessAsync();
        var texted = fixture.Clock.GetUtcNow().AddMinutes(-30);
        await harness.Bus.Publish(new Support.Contracts.SupportLine.YoungPersonViewsRecorded
        {
            ViewsId = Guid.NewGuid(), YoungPersonId = child, Words = "please don't tell my mum yet", SaidAt = texted, Method = "text message",
            RecordedBy = "duty-worker-own-words", OccurredAt = fixture.Clock.GetUtcNow(),
        });
        var interviewed = fixture.Clock.GetUtcNow().AddMinutes(-10);
        await harness.Bus.Publish(new YoungPersonsWordsRecorded
        {
            WordsId = Guid.NewGuid(), YoungPersonId = child, Service = "missing", Source = "Return interview", Words = "They said I owed them",
            SaidAt = interviewed, RecordedBy = "rhi-own-words", RecordedByRole = "RhiWorker", OccurredAt = fixture.Clock.GetUtcNow(),
        });
        await Support.Testing.Eventually.TrueAsync(async () => (await fixture.ChronologyEntriesAsync(child)) is var entries
            && entries.Any(e => e.Kind == Support.Referrals.Domain.Chronology.ChronologyEntryKind.YoungPersonViewsRecorded)
            && entries.Any(e => e.Kind == Support.Referrals.Domain.Chronology.ChronologyEntryKind.YoungPersonsWordsRecorded),
            because: "the texted views and the interview's words on the chronology");
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-own-words");

        var words = (await JsonAsync(await social.GetAsync($"/api/referrals/young-people/{child}/own-words"))).EnumerateArray().ToList();

        Assert.Equal(3, words.Count);
        Assert.Equal("Return interview", words[0].GetProperty("source").GetString());
        Assert.Contains("\"They said I owed them\"", words[0].GetProperty("words").GetString(), StringComparison.Ordinal);
        Assert.Equal(("rhi-own-words", interviewed), (words[0].GetProperty("recordedBy").GetString(), words[0].GetProperty("saidAt").GetProperty("utc").GetDateTimeOffset()));
        Assert.Equal("Support line", words[1].GetProperty("source").GetString());
        Assert.Contains("\"please don't tell my mum yet\"", words[1].GetProperty("words").GetString(), StringComparison.Ordinal);
        Assert.Equal("duty-worker-own-words", words[1].GetProperty("recordedBy").GetString());
        Assert.Equal(texted, words[1].GetProperty("saidAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal("Strategy meeting", words[2].GetProperty("source").GetString());
        Assert.Equal("I just want them to leave me alone.", words[2].GetProperty("words").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}/own-words")).StatusCode);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "commissioner-own-words");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/young-people/{child}/own-words")).StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<AccessLogEntry>().AnyAsync(e => e.SubjectId == child && e.Actor == "sw-own-words" && e.Action == AccessActions.Read));
    }

    [Fact]
    public async Task A_redacted_pack_leaks_nothing_redacted_while_the_original_is_kept_and_both_are_shown_side_by_side()
    {
        var child = await RecordedChildAsync();
        using var auditor = fixture.Host.ClientFor(Roles.DataProtectionOfficer, "dpo-redacts");
        var packId = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "The young person" }))).GetProperty("id").GetGuid();
        await fixture.CompletePackAsync(packId, child);
        var original = await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=original"));
        var crimeItem = original.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("section").GetString() == PackSections.PoliceOutcomes);
        var crimeReference = crimeItem.GetProperty("original").GetProperty("crimeReference").GetString()!;

        var byText = await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions",
            new { text = Sibling, reason = "Third party: a sibling's identity and history" }));
        Assert.Equal(2, byText.GetArrayLength());
        await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions", new
        {
            itemId = crimeItem.GetProperty("id").GetString(), field = "crimeReference", start = 0, length = crimeReference.Length,
            reason = "Police reference: prejudice to an investigation", recipient = "The young person",
        }));

        using var redacted = await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}");
        var body = await redacted.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Sibling, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jayden", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(crimeReference, body, StringComparison.Ordinal);
        Assert.Contains("Her brother [redacted] was seen", body, StringComparison.Ordinal);

        var sideBySide = await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=side-by-side"));
        var note = sideBySide.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("original").EnumerateObject().Any(f => f.Value.GetString()!.Contains(Sibling)));
        var field = note.GetProperty("original").EnumerateObject().First(f => f.Value.GetString()!.Contains(Sibling)).Name;
        Assert.Equal(
            note.GetProperty("original").GetProperty(field).GetString()!.Replace(Sibling, "[redacted]", StringComparison.Ordinal),
            note.GetProperty("redacted").GetProperty(field).GetString());
        var redactions = sideBySide.GetProperty("redactions").EnumerateArray().ToList();
        Assert.Equal(3, redactions.Count);
        Assert.All(redactions, r => Assert.Equal("dpo-redacts", r.GetProperty("redactedBy").GetString()));
        Assert.All(redactions, r => Assert.Equal("The young person", r.GetProperty("recipient").GetString()));
        Assert.True(sideBySide.GetProperty("checksumVerified").GetBoolean());
        Assert.Equal(original.GetProperty("manifest").GetProperty("sha256").GetString(), sideBySide.GetProperty("manifest").GetProperty("sha256").GetString());

        await using var db = fixture.CreateDbContext();
        var change = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"UPDATE referrals.disclosure_packs SET items_json = '[]' WHERE id = {packId}"));
        Assert.Contains("append-only", change?.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redaction_without_a_reason_or_outside_the_text_is_refused_by_name_and_nothing_is_stored()
    {
        var child = await RecordedChildAsync();
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-refused");
        var packId = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "CaseReview", recipient = "Safeguarding practice review panel" }))).GetProperty("id").GetGuid();
        await fixture.CompletePackAsync(packId, child);
        var item = (await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=original")))
            .GetProperty("items")[0].GetProperty("id").GetString();
        var path = $"/api/referrals/disclosure-packs/{packId}/redactions";

        using var noReason = await auditor.PostAsJsonAsync(path, new { text = Sibling });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(new[] { "reason" }, await noReason.ErrorFieldsAsync());
        using var beyond = await auditor.PostAsJsonAsync(path, new { itemId = item, field = "summary", start = 0, length = 100_000, reason = "r" });
        Assert.Equal(new[] { "length" }, await beyond.ErrorFieldsAsync());
        using var unknownItem = await auditor.PostAsJsonAsync(path, new { itemId = "chronology:nothing", field = "summary", start = 0, length = 1, reason = "r" });
        Assert.Equal(new[] { "itemId" }, await unknownItem.ErrorFieldsAsync());
        using var both = await auditor.PostAsJsonAsync(path, new { itemId = item, field = "summary", start = 0, length = 1, text = "ab", reason = "r" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        using var absent = await auditor.PostAsJsonAsync(path, new { text = "Not in this record at all", reason = "r" });
        Assert.Equal(new[] { "text" }, await absent.ErrorFieldsAsync());
        using var badView = await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=everything");
        Assert.Equal(new[] { "view" }, await badView.ErrorFieldsAsync());

        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Redactions.AnyAsync(r => r.PackId == packId));
    }

    [Fact]
    public async Task Every_other_services_part_arrives_beside_the_pack_word_for_word_and_the_pack_is_redacted_only_when_complete()
    {
        var child = await RecordedChildAsync();
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-parts");
        var made = await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "CaseReview", recipient = "Safeguarding practice review panel" }));
        var packId = made.GetProperty("id").GetGuid();
        Assert.False(made.GetProperty("complete").GetBoolean());
        Assert.Equal(DisclosureRequests.ContributingServices, made.GetProperty("awaiting").EnumerateArray().Select(s => s.GetString()));
        var asked = Assert.Single(await fixture.OutboxAsync<DisclosurePackRequested>(m => m.PackId == packId));
        Assert.Equal((child, "CaseReview"), (asked.YoungPersonId, asked.Purpose));

        // While a part is awaited, nothing can be redacted: a redaction by text would miss the part still to come.
        using (var early = await auditor.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions", new { text = Sibling, reason = "Third party" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("missing, outreach, supportline, therapy, leavingcare", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var interviewed = fixture.Clock.GetUtcNow().AddDays(-2);
        var interviewId = Guid.NewGuid();
        DisclosedRecord[] missing =
        [
            Disclosed.Record($"return-interview:{interviewId}", DisclosedSections.ServiceRecords, interviewed, "rhi-amara", "RhiWorker", interviewed.AddHours(1),
                ("whereTheyWere", $"At a flat above the takeaway with {Sibling}"), ("whoWith", "Two older men"), ("empty", " ")),
            Disclosed.Record($"return-interview-words:{interviewId}", DisclosedSections.OwnWords, interviewed, "rhi-amara", "RhiWorker", interviewed.AddHours(1),
                ("inOwnWords", "They said I owed them for the phone.")),
        ];
        DisclosedRecord[] supportLine =
            [Disclosed.Record("text-in:1", "not-a-section", interviewed, null, null, interviewed, ("text", "can someone ring me"))];
        await fixture.CompletePackAsync(packId, child, ("missing", missing), ("supportline", supportLine));
        // A second part from the same service, or a part for a pack Referrals does not hold, changes nothing.
        var harness = await fixture.StartedHarnessAsync();
        await harness.Bus.Publish(new DisclosurePackContributed
        {
            PackId = packId, YoungPersonId = child, Service = "missing", Records = [], OccurredAt = fixture.Clock.GetUtcNow(),
        });
        await harness.Bus.Publish(new DisclosurePackContributed
        {
            PackId = Guid.NewGuid(), YoungPersonId = child, Service = "therapy", Records = supportLine, OccurredAt = fixture.Clock.GetUtcNow(),
        });
        Assert.True(await harness.Consumed.Any<DisclosurePackContributed>(c => c.Context.Message.Records.Count == 0 && c.Context.Message.Service == "missing"));

        var pack = await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}?view=original"));
        var manifest = pack.GetProperty("manifest");
        Assert.True(manifest.GetProperty("complete").GetBoolean());
        Assert.Empty(manifest.GetProperty("awaiting").EnumerateArray());
        Assert.Equal(DisclosureRequests.ContributingServices, manifest.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("service").GetString()));
        Assert.Equal(2, manifest.GetProperty("contributions")[0].GetProperty("itemCount").GetInt32());
        Assert.Equal(2, manifest.GetProperty("sections").GetProperty(PackSections.OwnWords).GetInt32());
        Assert.Equal(2, manifest.GetProperty("sections").GetProperty(PackSections.ServiceRecords).GetInt32());
        Assert.Equal(8, manifest.GetProperty("itemCount").GetInt32());
        Assert.True(pack.GetProperty("checksumVerified").GetBoolean());
        var items = pack.GetProperty("items").EnumerateArray().ToList();
        var words = items.Single(i => i.GetProperty("id").GetString() == $"missing:return-interview-words:{interviewId}");
        Assert.Equal(PackSections.OwnWords, words.GetProperty("section").GetString());
        Assert.Equal("They said I owed them for the phone.", words.GetProperty("original").GetProperty("inOwnWords").GetString());
        Assert.Equal(("missing", "rhi-amara", "RhiWorker"), (words.GetProperty("provenance").GetProperty("service").GetString(),
            words.GetProperty("provenance").GetProperty("recordedBy").GetString(), words.GetProperty("provenance").GetProperty("recordedByRole").GetString()));
        var interview = items.Single(i => i.GetProperty("id").GetString() == $"missing:return-interview:{interviewId}");
        Assert.Equal(["whereTheyWere", "whoWith"], interview.GetProperty("original").EnumerateObject().Select(f => f.Name));
        // A section the pack does not know is shown with the service's other records, never dropped.
        Assert.Equal(PackSections.ServiceRecords, items.Single(i => i.GetProperty("id").GetString() == "supportline:text-in:1").GetProperty("section").GetString());

        // Now one redaction by text withholds the sibling from Referrals' notes and from Missing's interview alike.
        var byText = await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions",
            new { text = Sibling, reason = "Third party: a sibling's identity" }));
        Assert.Equal(3, byText.GetArrayLength());
        var redacted = await (await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Sibling, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("At a flat above the takeaway with [redacted]", redacted, StringComparison.Ordinal);

        await using var db = fixture.CreateDbContext();
        Assert.Equal(5, await db.PackContributions.CountAsync(c => c.PackId == packId));
        var change = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"UPDATE referrals.disclosure_pack_contributions SET items_json = '[]' WHERE pack_id = {packId}"));
        Assert.Contains("append-only", change?.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_auditors_and_the_data_protection_officer_make_or_read_packs()
    {
        var child = await RecordedChildAsync();
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-disclosure");
        using var refused = await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "Audit", recipient = "Audit team" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-roles");
        var packId = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "Audit", recipient = "Audit team" }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync($"/api/referrals/disclosure-packs/{packId}")).StatusCode);
        using var badPurpose = await auditor.PostAsJsonAsync($"/api/referrals/young-people/{child}/disclosure-packs",
            new { purpose = "Curiosity", recipient = "Me" });
        Assert.Equal(HttpStatusCode.BadRequest, badPurpose.StatusCode);
        Assert.Equal(DisclosurePurpose.Audit.ToString(), (await JsonAsync(await auditor.GetAsync($"/api/referrals/disclosure-packs/{packId}")))
            .GetProperty("manifest").GetProperty("purpose").GetString());
    }
}
