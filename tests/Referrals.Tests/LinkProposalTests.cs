using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Support.Contracts.Referrals;
using Support.Contracts.SupportLine;
using Support.Referrals.Domain.LinkProposals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Features.LinkProposals;
using Support.Referrals.Features.OrganisedAbuse;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// INT-02 over the real broker: links proposed from outreach items and from numbers reported to the support line wait
/// for a person here; confirming one records it in the one register (REF-13 flags a shared value), rejecting needs a
/// reason, each is decided once, and the proposer is told. INT-05: a licence named on confirmation is a task for police
/// liaison that records what was sent, to whom and when.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class LinkProposalTests() : RealBusReferralsTests("referrals-link-proposals")
{
    private static string Unique(string prefix) => prefix + Random.Shared.Next(1000, 9999);

    private static ProposePersonOfConcernLink Proposal(Guid youngPersonId, string kind, string value) => new()
    {
        ProposalId = Guid.NewGuid(), YoungPersonId = youngPersonId, LinkKind = kind, Value = value, Source = "outreach",
        SourceReference = Guid.NewGuid(), ProposedBy = "ow-amy", ProposedByRole = "OutreachWorker", OccurredAt = DateTimeOffset.UtcNow,
    };

    private HttpClient Worker() => Host.ClientFor(Roles.SocialWorker, "sw-links");

    private async Task<LinkProposalResponse> WaitForProposalAsync(Guid id)
    {
        using var worker = Worker();
        return await Eventually.GetAsync(async () =>
        {
            using var response = await worker.GetAsync($"/api/referrals/link-proposals/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.ReadAsync<LinkProposalResponse>() : null;
        }, because: "the proposal to arrive");
    }

    private async Task<List<T>> OutboxAsync<T>(Func<T, bool> where) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    [Fact]
    public async Task A_proposed_vehicle_already_linked_to_another_child_is_a_network_link_and_confirming_it_flags_both_and_tells_outreach()
    {
        using var worker = Worker();
        var first = await worker.RegisteredChildAsync();
        var second = await worker.RegisteredChildAsync();
        var plate = Unique("RB61 X");
        (await worker.PostAsJsonAsync($"/api/referrals/young-people/{first}/links", new { kind = "Vehicle", value = plate })).EnsureSuccessStatusCode();
        var command = Proposal(second, "Vehicle", plate.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));

        await Bus.PublishAsync(command, Guid.NewGuid());
        await Bus.PublishAsync(command, Guid.NewGuid()); // sent again: the proposal id absorbs it
        var proposal = await WaitForProposalAsync(command.ProposalId);

        Assert.Equal(("Pending", LinkKind.Vehicle, plate.Replace(" ", "", StringComparison.Ordinal), second), (proposal.Status, proposal.Kind, proposal.Value, proposal.YoungPersonId));
        Assert.Equal([first], proposal.NetworkMatches);
        var pending = await worker.GetFromJsonAsync<List<LinkProposalResponse>>($"/api/referrals/link-proposals?youngPersonId={second}", YoungPersonRequests.Json);
        Assert.Equal(command.ProposalId, Assert.Single(pending!).Id);
        Assert.Empty((await (await worker.GetAsync($"/api/referrals/young-people/{second}/links")).ReadAsync<LinksResponse>()).Links);

        using var confirmed = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/confirm", new { });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.ReadAsync<LinkProposalResponse>()).Status);

        foreach (var child in new[] { first, second })
        {
            var links = await (await worker.GetAsync($"/api/referrals/young-people/{child}/links")).ReadAsync<LinksResponse>();
            Assert.Equal([OrganisedAbuseEndpoints.Flag], links.Flags);
        }
        var told = Assert.Single(await OutboxAsync<PersonOfConcernLinkDecided>(m => m.ProposalId == command.ProposalId));
        Assert.Equal((true, 2, "outreach", command.SourceReference, "sw-links"), (told.Confirmed, told.LinkedYoungPeople, told.Source, told.SourceReference, told.DecidedBy));
        Assert.NotNull(told.OrganisedAbuseNetworkId);
        Assert.Null(told.LicensingNotificationId);
        Assert.Single(await OutboxAsync<OrganisedAbuseSuspected>(m => m.YoungPersonIds.Contains(second)));
        Assert.Empty(await worker.GetFromJsonAsync<List<LinkProposalResponse>>($"/api/referrals/link-proposals?youngPersonId={second}", YoungPersonRequests.Json) ?? []);

        using var again = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/reject", new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await OutboxAsync<PersonOfConcernLinkDecided>(m => m.ProposalId == command.ProposalId));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_records_no_link_and_tells_the_proposer_why()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var command = Proposal(child, "Nickname", Unique("Big Mo "));
        await Bus.PublishAsync(command, Guid.NewGuid());
        await WaitForProposalAsync(command.ProposalId);

        using var noReason = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var rejected = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/reject", new { reason = "The name is her cousin's." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var proposal = await rejected.ReadAsync<LinkProposalResponse>();
        Assert.Equal(("Rejected", "The name is her cousin's."), (proposal.Status, proposal.Decision!.Reason));
        Assert.Empty((await (await worker.GetAsync($"/api/referrals/young-people/{child}/links")).ReadAsync<LinksResponse>()).Links);
        var told = Assert.Single(await OutboxAsync<PersonOfConcernLinkDecided>(m => m.ProposalId == command.ProposalId));
        Assert.Equal((false, 0, "The name is her cousin's."), (told.Confirmed, told.LinkedYoungPeople, told.Reason));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{Guid.NewGuid()}/confirm", new { })).StatusCode);
    }

    [Fact]
    public async Task A_confirmed_link_to_a_licensed_driver_opens_one_licensing_task_that_records_what_was_sent_to_whom_and_when()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var command = Proposal(child, "Person", Unique("Tariq the taxi driver "));
        await Bus.PublishAsync(command, Guid.NewGuid());
        await WaitForProposalAsync(command.ProposalId);

        using var badLicence = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/confirm", new { licensing = "Taxi" });
        Assert.Equal(HttpStatusCode.BadRequest, badLicence.StatusCode);
        using var confirmed = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/confirm", new { licensing = "LicensedDriver" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var required = Assert.Single(await OutboxAsync<LicensingNotificationRequired>(m => m.ProposalId == command.ProposalId));
        Assert.Equal(("LicensedDriver", "Person"), (required.Licensing, required.LinkKind));
        Assert.Equal(required.NotificationId, Assert.Single(await OutboxAsync<PersonOfConcernLinkDecided>(m => m.ProposalId == command.ProposalId)).LicensingNotificationId);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/referrals/licensing-notifications")).StatusCode);
        using var liaison = Host.ClientFor(Roles.PoliceLiaison, "pc-licensing");
        var open = await liaison.GetFromJsonAsync<List<LicensingNotificationResponse>>("/api/referrals/licensing-notifications", YoungPersonRequests.Json);
        var task = Assert.Single(open!, n => n.Id == required.NotificationId);
        Assert.Equal((child, Licensing.LicensedDriver, false), (task.YoungPersonId, task.Licensing, task.Sent));

        using var missing = await liaison.PostAsJsonAsync($"/api/referrals/licensing-notifications/{task.Id}/sent", new { sentTo = "Licensing" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var sent = await liaison.PostAsJsonAsync($"/api/referrals/licensing-notifications/{task.Id}/sent",
            new { sentTo = "RMBC Licensing, duty officer", summary = "Driver named in CSE intelligence; badge to follow." });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var recorded = await sent.ReadAsync<LicensingNotificationResponse>();
        Assert.Equal((true, "RMBC Licensing, duty officer", "pc-licensing"), (recorded.Sent, recorded.SentTo, recorded.SentBy));
        Assert.NotNull(recorded.SentAt);
        Assert.Equal(HttpStatusCode.Conflict, (await liaison.PostAsJsonAsync($"/api/referrals/licensing-notifications/{task.Id}/sent",
            new { sentTo = "again", summary = "again" })).StatusCode);
        Assert.DoesNotContain(await liaison.GetFromJsonAsync<List<LicensingNotificationResponse>>("/api/referrals/licensing-notifications", YoungPersonRequests.Json) ?? [],
            n => n.Id == task.Id);
    }

    [Fact]
    public async Task A_number_reported_to_the_support_line_becomes_a_phone_proposal_and_without_a_young_person_the_confirmer_names_one()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var report = new PersonOfConcernNumberReported
        {
            ReportId = Guid.NewGuid(), YoungPersonId = null, Phone = "+447700" + Random.Shared.Next(100000, 999999),
            Description = "the man who keeps texting her", ReportedBy = "slo-jo", OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();

        await Bus.PublishAsync(report, messageId);
        await Bus.PublishAsync(report, messageId);
        var proposal = await WaitForProposalAsync(report.ReportId);

        Assert.Equal((LinkKind.Phone, "0" + report.Phone[3..], "supportline", (Guid?)null), (proposal.Kind, proposal.Value, proposal.Source, proposal.YoungPersonId));
        using var nobody = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{report.ReportId}/confirm", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        using var unknown = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{report.ReportId}/confirm", new { youngPersonId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        using var confirmed = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{report.ReportId}/confirm", new { youngPersonId = child });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var link = Assert.Single((await (await worker.GetAsync($"/api/referrals/young-people/{child}/links")).ReadAsync<LinksResponse>()).Links);
        Assert.Equal((LinkKind.Phone, proposal.Value), (link.Kind, link.Value));
        Assert.Equal("supportline", Assert.Single(await OutboxAsync<PersonOfConcernLinkDecided>(m => m.ProposalId == report.ReportId)).Source);
    }

    [Fact]
    public async Task A_confirmed_sighting_of_someone_on_a_placed_childs_must_not_have_contact_list_raises_a_critical_incident()
    {
        using var worker = Worker();
        var placed = await worker.RegisteredChildAsync();
        var atHome = await worker.RegisteredChildAsync();
        var name = Unique("Darren Smith");
        using (var placement = await worker.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = placed, type = "FosterCare", reason = "ProtectionFromHarm", setting = $"Carers {Guid.NewGuid():N}",
            startedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), rationale = "Away from the group.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placement.StatusCode);
        }
        foreach (var child in new[] { placed, atHome })
        {
            using var listed = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/barred-persons",
                new { name, description = "Older man with a silver van", reason = "Suspected of grooming her" });
            Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        }

        // Outreach saw the placed child with him (written differently), with someone not on her list, and the child at home with him.
        var sighting = Proposal(placed, "Person", "  " + name.ToUpperInvariant() + " ");
        var stranger = Proposal(placed, "Person", Unique("Someone Else"));
        var notPlaced = Proposal(atHome, "Person", name);
        foreach (var command in new[] { sighting, stranger, notPlaced })
        {
            await Bus.PublishAsync(command, Guid.NewGuid());
            await WaitForProposalAsync(command.ProposalId);
            using var confirmed = await worker.PostAsJsonAsync($"/api/referrals/link-proposals/{command.ProposalId}/confirm", new { });
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var raised = Assert.Single(await OutboxAsync<Support.Contracts.Incidents.CriticalIncidentRaised>(m => m.YoungPersonId == placed));
        Assert.Equal(Support.Contracts.Incidents.CriticalIncidentKind.ContactWithBarredPerson, raised.Kind);
        Assert.Empty(await OutboxAsync<Support.Contracts.Incidents.CriticalIncidentRaised>(m => m.YoungPersonId == atHome)); // REF-27 is about placements
        using var senior = Host.ClientFor(Roles.SeniorManager, "sm-links");
        var queue = await senior.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/referrals/critical-incidents?youngPersonId={placed}");
        Assert.Contains(sighting.ProposalId.ToString(), queue.GetRawText(), StringComparison.Ordinal);
    }
}
