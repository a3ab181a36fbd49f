using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.LeavingCare;
using Support.Contracts.Missing;
using Support.Contracts.Risk;
using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;

namespace Support.LeavingCare.Tests;

/// <summary>The endpoints through their HTTP surface: bad input, roles, and the events they publish.</summary>
public sealed class ApiTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    private async Task<Guid> AlertIdAsync(Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Alerts.Where(a => a.YoungPersonId == youngPersonId && a.Kind == "Handover").Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task An_adviser_sees_and_acknowledges_their_own_alert_and_gets_403_on_another_advisers()
    {
        using var manager = fixture.Client("TeamManager", "lc-manager-1");
        var mine = await Api.RegisterAdviserAsync(manager, "pa-own");
        var theirs = await Api.RegisterAdviserAsync(manager, "pa-other");
        var youngPerson = await fixture.RegisterAsync(fixture.BornToTurn18In(200));
        var other = await fixture.RegisterAsync(fixture.BornToTurn18In(200));
        await Api.AllocateAsync(manager, youngPerson, mine);
        await Api.AllocateAsync(manager, other, theirs);
        fixture.Clock.Advance(TimeSpan.FromDays(111)); // 89 days before both 18th birthdays
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        var myAlert = await AlertIdAsync(youngPerson);
        var theirAlert = await AlertIdAsync(other);

        using var adviser = fixture.Client("PersonalAdviser", "pa-own");
        var list = await adviser.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts");
        var ids = list.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(myAlert, ids);
        Assert.DoesNotContain(theirAlert, ids);
        var managerList = await manager.GetFromJsonAsync<JsonElement>("/api/leavingcare/alerts");
        Assert.Contains(theirAlert, managerList.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.GetAsync($"/api/leavingcare/alerts/{theirAlert}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.PostAsync($"/api/leavingcare/alerts/{theirAlert}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adviser.PostAsync($"/api/leavingcare/alerts/{myAlert}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await adviser.PostAsync($"/api/leavingcare/alerts/{myAlert}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adviser.PostAsync($"/api/leavingcare/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
        var events = await fixture.OutboxAsync<PersonalAdviserAllocated>(e => e.YoungPersonId == youngPerson);
        Assert.Equal("pa-own", Assert.Single(events).Adviser);
    }

    [Fact]
    public async Task The_handover_pack_names_the_current_risk_level_and_its_indicators()
    {
        using var manager = fixture.Client("TeamManager", "lc-manager-2");
        var id = await fixture.RegisterAsync(fixture.Today.AddMonths(-10).AddYears(-17));
        await fixture.SetRiskAsync(id, RiskLevel.High, RiskIndicator.MissingFromHome, RiskIndicator.OlderBoyfriend);
        var alertId = await AlertIdAsync(id);

        var alert = await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/alerts/{alertId}");

        var risk = alert.GetProperty("pack").GetProperty("risk");
        Assert.Equal("High", risk.GetProperty("level").GetString());
        Assert.Equal(["MissingFromHome", "OlderBoyfriend"], risk.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()));
        using var commissioner = fixture.Client("Commissioner", "lc-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/leavingcare/alerts/{alertId}")).StatusCode);
        using var socialWorker = fixture.Client("SocialWorker", "lc-sw");
        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync($"/api/leavingcare/alerts/{alertId}")).StatusCode);
        var counts = await commissioner.GetFromJsonAsync<JsonElement>("/api/leavingcare/reports/alerts");
        Assert.DoesNotContain(id.ToString(), counts.GetRawText());
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<Support.ServiceDefaults.Audit.AccessLogEntry>().AnyAsync(e => e.SubjectId == id && e.Actor == "lc-manager-2"));
    }

    [Fact]
    public async Task Registering_a_care_leaver_checks_the_young_person_and_their_age()
    {
        using var adviser = fixture.Client("PersonalAdviser", "pa-reg");
        var over25 = await fixture.RegisterAsync(fixture.Today.AddYears(-25));
        var future = await fixture.RegisterAsync(fixture.Today.AddDays(3));
        var ok = await fixture.RegisterAsync(fixture.Today.AddYears(-19));

        Assert.Equal(HttpStatusCode.NotFound, (await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = Guid.NewGuid(), lookedAfter = true })).StatusCode);
        using var missing = await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { lookedAfter = true });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("youngPersonId", await missing.ErrorFieldsAsync());
        using var old = await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = over25, lookedAfter = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        using var unborn = await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = future, lookedAfter = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unborn.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = ok, lookedAfter = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await adviser.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId = ok, lookedAfter = true })).StatusCode);
        using var manager = fixture.Client("TeamManager", "lc-manager-3");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{ok}/adviser", new { adviserId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.PutAsJsonAsync($"/api/leavingcare/young-people/{ok}/adviser", new { adviserId = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task Whereabouts_unknown_sends_a_missing_report_and_eight_weeks_without_contact_raises_one_alert()
    {
        using var manager = fixture.Client("TeamManager", "lc-manager-4");
        var adviserId = await Api.RegisterAdviserAsync(manager, "pa-kit");
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-20));
        await Api.AllocateAsync(manager, id, adviserId);
        using var adviser = fixture.Client("PersonalAdviser", "pa-kit");
        using var contacted = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now, outcome = "Contacted", method = "Visit", youngPersonsWords = "I don't want to lose my worker" });
        Assert.Equal(HttpStatusCode.Created, contacted.StatusCode);
        // Issue 16 item 4: her words go to her record in Referrals, quoted with when and where she said them.
        var words = Assert.Single(await fixture.OutboxAsync<YoungPersonsWordsRecorded>(w => w.YoungPersonId == id));
        Assert.Equal(("I don't want to lose my worker", "Keeping-in-touch contact", "leavingcare", "pa-kit", fixture.Now),
            (words.Words, words.Source, words.Service, words.RecordedBy, words.SaidAt));
        using var future = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now.AddDays(2), outcome = "Contacted", method = "Visit" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);

        fixture.Clock.Advance(TimeSpan.FromDays(55));
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.False(await db.Alerts.AnyAsync(a => a.YoungPersonId == id && a.Kind == "KeepInTouch"), "not yet 8 weeks");
        }
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        await using (var db = fixture.CreateDbContext())
        {
            var alert = await db.Alerts.SingleAsync(a => a.YoungPersonId == id && a.Kind == "KeepInTouch");
            Assert.Equal("pa-kit", alert.Recipient);
        }
        var overdue = await adviser.GetFromJsonAsync<JsonElement>("/api/leavingcare/overdue");
        Assert.Contains(overdue.EnumerateArray(), i => i.GetProperty("youngPersonId").GetGuid() == id && i.GetProperty("kind").GetString() == "KeepInTouchDue"
            && i.GetProperty("displayName").GetString() == "Casey Vale");

        using var unknown = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now, outcome = "WhereaboutsUnknown", method = "Visit", concern = "Not at her flat for a week; her phone is off." });
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);
        var command = Assert.Single(await fixture.OutboxAsync<ReportWhereaboutsUnknown>(c => c.YoungPersonId == id));
        Assert.Equal("Not at her flat for a week; her phone is off.", command.Concern);
        Assert.Equal("pa-kit", command.ReportedBy);
        Assert.True(command.LastContactAt < fixture.Now.AddDays(-50));
        var detail = await adviser.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care");
        Assert.Equal("I don't want to lose my worker", detail.GetProperty("pack").GetProperty("youngPersonsWords")[0].GetProperty("words").GetString());
        using var stranger = fixture.Client("PersonalAdviser", "pa-stranger");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/leavingcare/young-people/{id}/leaving-care")).StatusCode);
    }

    [Fact]
    public async Task Support_line_texts_marked_as_views_reach_the_handover_pack_word_for_word_once_and_newest_first()
    {
        using var manager = fixture.Client("TeamManager", "lc-manager-views");
        var adviserId = await Api.RegisterAdviserAsync(manager, "pa-views");
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-19));
        await Api.AllocateAsync(manager, id, adviserId);
        using var adviser = fixture.Client("PersonalAdviser", "pa-views");
        using var contacted = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/contacts",
            new { occurredAt = fixture.Now.AddDays(-3), outcome = "Contacted", method = "Visit", youngPersonsWords = "I like my flat" });
        Assert.Equal(HttpStatusCode.Created, contacted.StatusCode);

        var text = new string('x', 600) + " he said he would find me";
        var views = new Support.Contracts.SupportLine.YoungPersonViewsRecorded
        {
            ViewsId = Guid.NewGuid(), YoungPersonId = id, Words = text, SaidAt = fixture.Now.AddDays(-1), Method = "text message",
            RecordedBy = "duty-worker-1", OccurredAt = fixture.Now,
        };
        await fixture.PublishAsync(views);
        // Re-sent as a new message (a relay retry after a crash): the words must still appear once.
        await fixture.PublishAsync(views with { OccurredAt = fixture.Now.AddMinutes(1) });
        // Her account at a return interview (issue 16 item 4), and Leaving Care's own announcement of her contact's
        // words, which the pack already holds from the contact itself.
        var interview = new YoungPersonsWordsRecorded
        {
            WordsId = Guid.NewGuid(), YoungPersonId = id, Service = "missing", Source = "Return interview", Words = "They said I owed them",
            SaidAt = fixture.Now.AddDays(-2), RecordedBy = "rhi-words", RecordedByRole = "RhiWorker", OccurredAt = fixture.Now,
        };
        await fixture.PublishAsync(interview);
        await fixture.PublishAsync(interview with { WordsId = Guid.NewGuid(), Service = "leavingcare", Source = "Keeping-in-touch contact", Words = "I like my flat" });
        await Support.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.SharedViews.CountAsync(v => v.YoungPersonId == id) == 2;
        }, because: "the support line's views and the interview's words to reach LeavingCare");

        var detail = await adviser.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care");
        var words = detail.GetProperty("pack").GetProperty("youngPersonsWords").EnumerateArray().ToList();
        Assert.Equal(3, words.Count);
        Assert.Equal(text, words[0].GetProperty("words").GetString());
        Assert.Equal("Support line (text message)", words[0].GetProperty("source").GetString());
        Assert.Equal("duty-worker-1", words[0].GetProperty("recordedBy").GetString());
        Assert.Equal(("They said I owed them", "Missing (Return interview)", "rhi-words"), (words[1].GetProperty("words").GetString(),
            words[1].GetProperty("source").GetString(), words[1].GetProperty("recordedBy").GetString()));
        Assert.Equal("I like my flat", words[2].GetProperty("words").GetString());
        Assert.Equal("Leaving care contact (Visit)", words[2].GetProperty("source").GetString());
        await using var check = fixture.CreateDbContext();
        Assert.Equal(2, await check.SharedViews.CountAsync(v => v.YoungPersonId == id));
    }

    [Fact]
    public async Task A_refusal_by_adult_services_is_recorded_as_unmet_need_and_published()
    {
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-18).AddDays(-3));
        using var adult = fixture.Client("AdultServices", "as-1");

        using var response = await adult.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", new
        {
            needCategory = "AdultSocialCare", reason = "CriteriaNotMet", refusedBy = "AdultSocialCare", details = "Does not meet eligibility", refusedOn = fixture.Today,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recorded = Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == id));
        Assert.Equal(UnmetNeedReason.CriteriaNotMet, recorded.Reason);
        Assert.Equal("leaving-care", recorded.RecordedByService);
        Assert.Equal(HttpStatusCode.NotFound, (await adult.PostAsJsonAsync($"/api/leavingcare/young-people/{Guid.NewGuid()}/unmet-needs", new
        {
            needCategory = "AdultSocialCare", reason = "CriteriaNotMet", refusedBy = "AdultSocialCare", details = "x", refusedOn = fixture.Today,
        })).StatusCode);
    }

    [Fact]
    public async Task An_unmet_need_met_later_keeps_its_refusal_gains_when_and_how_and_tells_the_ledger_once()
    {
        // COM-05: adult services refused, then accepted on appeal. The refusal stays; the ledger stops counting from the day it was met.
        using var manager = fixture.Client("TeamManager", "lc-manager-met");
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-19));
        var other = await fixture.RegisterAsync(fixture.Today.AddYears(-20));
        await Api.AllocateAsync(manager, id, await Api.RegisterAdviserAsync(manager, "pa-met"));
        using var adviser = fixture.Client("PersonalAdviser", "pa-met");
        using var stranger = fixture.Client("PersonalAdviser", "pa-not-met");
        using var recorded = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", new
        {
            needCategory = "AdultMentalHealth", reason = "CriteriaNotMet", refusedBy = "Adult mental health team", details = "Does not meet adult criteria.",
            refusedOn = fixture.Today.AddDays(-40),
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var needId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var path = $"/api/leavingcare/young-people/{id}/unmet-needs/{needId}/met";

        // Bad input names the field and stores nothing; a need of someone else, or one that does not exist, is 404.
        using (var noHow = await adviser.PostAsJsonAsync(path, new { metOn = fixture.Today }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noHow.StatusCode);
            Assert.True((await noHow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("how", out _));
        }
        foreach (var metOn in new[] { fixture.Today.AddDays(-41), fixture.Today.AddDays(3) })
        {
            using var wrongDay = await adviser.PostAsJsonAsync(path, new { metOn, how = "Accepted on appeal." });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongDay.StatusCode);
            Assert.True((await wrongDay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("metOn", out _));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{other}/unmet-needs/{needId}/met",
            new { metOn = fixture.Today, how = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs/{Guid.NewGuid()}/met",
            new { metOn = fixture.Today, how = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(path, new { metOn = fixture.Today, how = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/leavingcare/young-people/{id}/unmet-needs")).StatusCode);
        Assert.Empty(await fixture.OutboxAsync<UnmetNeedResolved>(e => e.UnmetNeedId == needId));

        using var met = await adviser.PostAsJsonAsync(path, new { metOn = fixture.Today.AddDays(-2), how = "Accepted by the adult team on appeal; seen weekly." });
        Assert.Equal(HttpStatusCode.Created, met.StatusCode);
        using var again = await manager.PostAsJsonAsync(path, new { metOn = fixture.Today, how = "Twice?" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var resolved = Assert.Single(await fixture.OutboxAsync<UnmetNeedResolved>(e => e.UnmetNeedId == needId));
        Assert.Equal((id, fixture.Today.AddDays(-2), "leaving-care", "pa-met"), (resolved.YoungPersonId, resolved.ResolvedOn, resolved.ResolvedByService, resolved.RecordedBy));
        var list = await adviser.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/unmet-needs");
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("Adult mental health team", only.GetProperty("refusedBy").GetString());
        Assert.Equal(fixture.Today.AddDays(-2).ToString("yyyy-MM-dd"), only.GetProperty("met").GetProperty("metOn").GetString());
        Assert.Equal("Accepted by the adult team on appeal; seen weekly.", only.GetProperty("met").GetProperty("how").GetString());
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.UnmetNeeds.CountAsync(n => n.YoungPersonId == id));
        Assert.True(await db.Set<Support.ServiceDefaults.Audit.AccessLogEntry>().AnyAsync(a => a.SubjectId == id && a.Actor == "pa-met" && a.Path.EndsWith("/unmet-needs")),
            "reading the list is an audited read");
    }

    [Fact]
    public async Task A_proposed_address_that_is_flagged_or_an_unstaffed_adult_hostel_needs_a_managers_decision()
    {
        using var manager = fixture.Client("TeamManager", "lc-manager-5");
        using var flagged = await manager.PostAsJsonAsync("/api/leavingcare/flagged-addresses",
            new { address = "12 Ring Road, Flat 3", postcode = "S60 1AA", source = "StrategyMeeting", reason = "Named at a strategy meeting" });
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-17));
        var child = await fixture.RegisterAsync(fixture.Today.AddYears(-14));
        await Api.AllocateAsync(manager, id, await Api.RegisterAdviserAsync(manager, "pa-acc"));
        using var adviser = fixture.Client("PersonalAdviser", "pa-acc");

        var matched = await (await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks",
            new { address = "12 ring road flat 3", postcode = "s60 1aa", placementType = "SupportedLodgings", adultsOnly = false, staffedEveningsAndWeekends = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NeedsManagerDecision", matched.GetProperty("status").GetString());
        var hostel = await (await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks",
            new { address = "1 Other Street", postcode = "S60 2BB", placementType = "Hostel", adultsOnly = true, staffedEveningsAndWeekends = false }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("AdultsOnlyWithoutEveningAndWeekendStaff", hostel.GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
        var clear = await (await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks",
            new { address = "1 Other Street", postcode = "S60 2BB", placementType = "FosterPlacement", adultsOnly = false, staffedEveningsAndWeekends = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Clear", clear.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{child}/accommodation-checks",
            new { address = "1 Other Street", postcode = "S60 2BB", placementType = "FosterPlacement", adultsOnly = false, staffedEveningsAndWeekends = true })).StatusCode);

        var checkId = matched.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.PostAsJsonAsync($"/api/leavingcare/accommodation-checks/{checkId}/decision", new { approved = true, rationale = "ok" })).StatusCode);
        var decided = await manager.PostAsJsonAsync($"/api/leavingcare/accommodation-checks/{checkId}/decision", new { approved = false, rationale = "Known address; find another placement" });
        Assert.Equal("RejectedByManager", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/leavingcare/accommodation-checks/{checkId}/decision", new { approved = true, rationale = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_adviser_not_allocated_to_a_young_person_is_refused_their_accommodation_checks_and_unmet_needs_as_their_record()
    {
        // Issue 17: the record was refused (403) but an accommodation check (whose reply names flagged addresses) and
        // an unmet need were accepted (201) from any adviser. All three now follow the record's allocation rule.
        using var manager = fixture.Client("TeamManager", "lc-manager-17");
        using var flagged = await manager.PostAsJsonAsync("/api/leavingcare/flagged-addresses",
            new { address = "7 Canal Side", postcode = "S60 9ZZ", source = "StrategyMeeting", reason = "Named at a strategy meeting" });
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var id = await fixture.RegisterAsync(fixture.Today.AddYears(-19));
        await Api.AllocateAsync(manager, id, await Api.RegisterAdviserAsync(manager, "pa-allocated-17"));
        using var allocated = fixture.Client("PersonalAdviser", "pa-allocated-17");
        using var stranger = fixture.Client("PersonalAdviser", "pa-not-allocated-17");
        var check = new { address = "7 Canal Side", postcode = "S60 9ZZ", placementType = "SupportedLodgings", adultsOnly = false, staffedEveningsAndWeekends = true };
        var need = new { needCategory = "Housing", reason = "NotAvailable", refusedBy = "Housing", details = "No tenancy offered", refusedOn = fixture.Today };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/leavingcare/young-people/{id}/leaving-care")).StatusCode);
        using (var refusedCheck = await stranger.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks", check))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedCheck.StatusCode);
            Assert.DoesNotContain("FlaggedAddress", await refusedCheck.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", need)).StatusCode);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.False(await db.AccommodationChecks.AnyAsync(c => c.YoungPersonId == id), "a refused check is not stored");
            Assert.False(await db.UnmetNeeds.AnyAsync(n => n.YoungPersonId == id), "a refused unmet need is not stored");
        }
        Assert.Empty(await fixture.OutboxAsync<UnmetNeedRecorded>(e => e.YoungPersonId == id));

        // Their own adviser, and a manager, still can; adult services record a refusal without being allocated (LC-06).
        using var ownCheck = await allocated.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks", check);
        Assert.Equal(HttpStatusCode.Created, ownCheck.StatusCode);
        Assert.Equal("NeedsManagerDecision", (await ownCheck.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await allocated.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", need)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/accommodation-checks", check)).StatusCode);
        using var adult = fixture.Client("AdultServices", "as-17");
        Assert.Equal(HttpStatusCode.Created, (await adult.PostAsJsonAsync($"/api/leavingcare/young-people/{id}/unmet-needs", need)).StatusCode);
    }

    [Fact]
    public async Task The_same_adviser_registered_by_several_managers_at_once_is_one_201_and_409s_never_a_500()
    {
        // Issue 17 (found by the access-matrix sweep): the duplicate check ran before the insert, so a simultaneous
        // second registration hit the unique index and got a 500.
        var clients = Enumerable.Range(0, 6).Select(i => fixture.Client(i % 2 == 0 ? "TeamManager" : "SeniorManager", $"lc-race-manager-{i}")).ToList();
        var body = new { userId = "pa-race", displayName = "Pat Race", team = "Leaving care west", provider = "In house" };

        var statuses = await Task.WhenAll(clients.Select(async c =>
        {
            using var response = await c.PostAsJsonAsync("/api/leavingcare/advisers", body);
            return response.StatusCode;
        }));
        clients.ForEach(c => c.Dispose());

        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        await using var db = fixture.CreateDbContext();
        Assert.Equal(1, await db.Advisers.CountAsync(a => a.UserId == "pa-race"));
    }
}

internal static class Api
{
    public static async Task<Guid> RegisterAdviserAsync(HttpClient manager, string userId)
    {
        using var response = await manager.PostAsJsonAsync("/api/leavingcare/advisers", new { userId, displayName = "Pat Adviser", team = "Leaving care east", provider = "In house" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task AllocateAsync(HttpClient manager, Guid youngPersonId, Guid adviserId)
    {
        using var response = await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/adviser", new { adviserId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
