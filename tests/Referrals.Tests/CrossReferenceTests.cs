using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Referrals;
using Support.Referrals.Features.CrossReferences;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-19. Imray §4.1: "important information about individual children held on the files of other children ... with
/// no reference made on the subject child's case record". A record can tag another young person; the tagged child's
/// record points back to the source, what it says is shown only to those who may read the source, and the tagged
/// child's key worker is told until they acknowledge it.
/// </summary>
public sealed class CrossReferenceTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-xref");

    private async Task<(Guid Source, Guid Tagged)> TwoChildrenWithKeyWorkerAsync(string keyWorker)
    {
        using var worker = Worker();
        var source = await worker.RegisterChildAsync("2011-01-01");
        var tagged = await worker.RegisterChildAsync("2012-02-02");
        var @case = await worker.OpenCaseAsync(tagged);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-xref");
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker })).EnsureSuccessStatusCode();
        return (source, tagged);
    }

    /// <summary>A case note on <paramref name="child"/>'s record, the source a tag points back to.</summary>
    private async Task<Guid> CaseNoteAsync(Guid child)
    {
        using var worker = Worker();
        return (await worker.AddNoteAsync(child, fixture.Clock.GetUtcNow().AddHours(-2), "Saw her get into a silver car with two men outside the takeaway.")).Id;
    }

    private static object Tag(Guid tagged, Guid? note = null) => new
    {
        taggedYoungPersonId = tagged, sourceKind = "case-note", sourceReference = note,
        summary = "Her younger sister was in the same car on Friday night with the men from the takeaway.",
    };

    [Fact]
    public async Task Tagging_another_child_tells_their_key_worker_and_shows_the_content_only_to_those_who_may_read_the_source()
    {
        var (source, tagged) = await TwoChildrenWithKeyWorkerAsync("kw-xref");
        using var worker = Worker();
        var note = await CaseNoteAsync(source);
        using var recorded = await worker.PostAsJsonAsync($"/api/referrals/young-people/{source}/cross-references", Tag(tagged, note));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var reference = await recorded.ReadAsync<CrossReferenceResponse>();
        Assert.Equal(note.ToString(), reference.SourceReference);
        var announced = Assert.Single(await fixture.OutboxAsync<CrossReferenceRecorded>(m => m.CrossReferenceId == reference.Id));
        Assert.Equal((tagged, source, "case-note"), (announced.YoungPersonId, announced.SourceYoungPersonId, announced.SourceKind));
        Assert.Equal(["kw-xref"], announced.KeyWorkers);

        var seen = Assert.Single((await worker.GetFromJsonAsync<List<CrossReferenceResponse>>($"/api/referrals/young-people/{tagged}/cross-references", CaseRequests.Json))!);
        Assert.Equal((false, "Her younger sister was in the same car on Friday night with the men from the takeaway.", source), (seen.Restricted, seen.Summary, seen.SourceYoungPersonId));

        // A carer of the tagged child only: told that information exists and where, not what it says.
        using (var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-xref"))
        {
            (await manager.PostAsJsonAsync($"/api/referrals/young-people/{tagged}/sharing-relationships",
                new { userId = "carer-xref", kind = "Placement", validFrom = fixture.Clock.GetUtcNow().AddDays(-1), reason = "Placed with this carer" })).EnsureSuccessStatusCode();
        }
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-xref");
        var restricted = Assert.Single((await carer.GetFromJsonAsync<List<CrossReferenceResponse>>($"/api/referrals/young-people/{tagged}/cross-references", CaseRequests.Json))!);
        Assert.Equal((true, (string?)null, (string?)null, source), (restricted.Restricted, restricted.Summary, restricted.SourceReference, restricted.SourceYoungPersonId));
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.GetAsync($"/api/referrals/young-people/{source}/cross-references")).StatusCode);

        // The key worker is told, and acknowledges once; nobody else can.
        using var keyWorker = fixture.Host.ClientFor(Roles.SocialWorker, "kw-xref");
        Assert.Contains((await keyWorker.GetFromJsonAsync<List<CrossReferenceResponse>>("/api/referrals/cross-references/mine", CaseRequests.Json))!, r => r.Id == reference.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync($"/api/referrals/cross-references/{reference.Id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await keyWorker.PostAsync($"/api/referrals/cross-references/{reference.Id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await keyWorker.PostAsync($"/api/referrals/cross-references/{reference.Id}/acknowledge", null)).StatusCode);
        Assert.DoesNotContain((await keyWorker.GetFromJsonAsync<List<CrossReferenceResponse>>("/api/referrals/cross-references/mine", CaseRequests.Json))!, r => r.Id == reference.Id);
        var after = Assert.Single((await worker.GetFromJsonAsync<List<CrossReferenceResponse>>($"/api/referrals/young-people/{tagged}/cross-references", CaseRequests.Json))!);
        Assert.Equal(["kw-xref"], after.AcknowledgedBy);
    }

    [Fact]
    public async Task A_cross_reference_needs_another_registered_young_person_a_source_kind_code_and_a_summary()
    {
        using var worker = Worker();
        var child = await worker.RegisterChildAsync();
        using (var missing = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", new { }))
        {
            Assert.Equal(["sourceKind", "summary", "taggedYoungPersonId"], (await missing.ErrorFieldsAsync()).Order());
        }
        using (var badKind = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", new { taggedYoungPersonId = Guid.NewGuid(), sourceKind = "Case Note!", summary = "s" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
            Assert.Equal(["sourceKind"], await badKind.ErrorFieldsAsync());
        }
        using (var unknownKind = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", new { taggedYoungPersonId = Guid.NewGuid(), sourceKind = "rumour", summary = "s" }))
        {
            Assert.Equal(["sourceKind"], await unknownKind.ErrorFieldsAsync());
        }
        using (var notAnId = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references",
            new { taggedYoungPersonId = Guid.NewGuid(), sourceKind = "case-note", sourceReference = "note 14", summary = "s" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
            Assert.Equal(["sourceReference"], await notAnId.ErrorFieldsAsync());
        }
        // The source must be on the source child's record: another child's case note, or no record at all, is a 422 naming it.
        var sibling = await worker.RegisterChildAsync("2013-03-03");
        var othersNote = await CaseNoteAsync(sibling);
        foreach (var wrong in new[] { othersNote, Guid.NewGuid() })
        {
            using var unresolved = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", Tag(sibling, wrong));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unresolved.StatusCode);
            Assert.Equal(["sourceReference"], await unresolved.ErrorFieldsAsync());
        }
        // A case note's id given as a visit does not resolve either: the kind is checked with the id.
        using (var wrongKind = await worker.PostAsJsonAsync($"/api/referrals/young-people/{sibling}/cross-references",
            new { taggedYoungPersonId = child, sourceKind = "visit", sourceReference = othersNote, summary = "s" }))
        {
            Assert.Equal(["sourceReference"], await wrongKind.ErrorFieldsAsync());
        }
        Assert.Empty((await worker.GetFromJsonAsync<List<CrossReferenceResponse>>($"/api/referrals/young-people/{sibling}/cross-references", CaseRequests.Json))!);
        using (var self = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", Tag(child)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        }
        using (var unknown = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/cross-references", Tag(Guid.NewGuid())))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Equal(["taggedYoungPersonId"], await unknown.ErrorFieldsAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/cross-references", Tag(child))).StatusCode);
    }

    [Fact]
    public async Task A_record_that_names_an_adult_tags_them_with_its_source_and_finds_the_other_children_whose_records_name_them()
    {
        using var worker = Worker();
        var first = await worker.RegisterChildAsync("2011-01-01");
        var second = await worker.RegisterChildAsync("2012-02-02");
        var name = "Tony " + Guid.NewGuid().ToString("N")[..8];
        object Tag(string written, Guid note) => new { name = written, sourceKind = "case-note", sourceReference = note, summary = "Seen collecting her from school in a silver van." };
        var firstNote = await CaseNoteAsync(first);

        AdultTagResponse firstTag;
        using (var tagged = await worker.PostAsJsonAsync($"/api/referrals/young-people/{first}/adult-tags", Tag(name, firstNote)))
        {
            Assert.Equal(HttpStatusCode.Created, tagged.StatusCode);
            firstTag = await tagged.ReadAsync<AdultTagResponse>();
        }
        Assert.Empty(firstTag.OtherYoungPeople); // nobody else names him yet
        AdultTagResponse secondTag;
        using (var tagged = await worker.PostAsJsonAsync($"/api/referrals/young-people/{second}/adult-tags", Tag("  " + name.ToUpperInvariant(), await CaseNoteAsync(second))))
        {
            Assert.Equal(HttpStatusCode.Created, tagged.StatusCode);
            secondTag = await tagged.ReadAsync<AdultTagResponse>();
        }
        Assert.Equal([first], secondTag.OtherYoungPeople);

        // The adult is in the persons register for both, and two children sharing him flag organised or multiple abuse (REF-13).
        var links = await (await worker.GetAsync($"/api/referrals/young-people/{second}/links")).ReadAsync<Support.Referrals.Features.OrganisedAbuse.LinksResponse>();
        Assert.Contains(links.Links, l => l.Kind == Support.Referrals.Domain.OrganisedAbuse.LinkKind.Person);
        Assert.NotEmpty(links.Flags);
        var listed = (await worker.GetFromJsonAsync<List<AdultTagResponse>>($"/api/referrals/young-people/{first}/adult-tags", CaseRequests.Json))!;
        var only = Assert.Single(listed);
        Assert.Equal((name, "case-note", firstNote.ToString()), (only.Name, only.SourceKind, only.SourceReference));
        Assert.Equal([second], only.OtherYoungPeople);

        using (var bad = await worker.PostAsJsonAsync($"/api/referrals/young-people/{first}/adult-tags", new { name = "!!", sourceKind = "Case Note", summary = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["name", "sourceKind", "summary"], (await bad.ErrorFieldsAsync()).Order());
        }
        using (var elsewhere = await worker.PostAsJsonAsync($"/api/referrals/young-people/{first}/adult-tags", Tag(name, await CaseNoteAsync(second))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
            Assert.Equal(["sourceReference"], await elsewhere.ErrorFieldsAsync());
        }
        Assert.Single((await worker.GetFromJsonAsync<List<AdultTagResponse>>($"/api/referrals/young-people/{first}/adult-tags", CaseRequests.Json))!);
    }
}
