using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.ServiceDefaults.Auth;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Tests.Inbox;

/// <summary>SL-02, SL-03, OUT-07: danger alerts at once, unanswered texts escalate once, response times are reported.</summary>
public sealed class TriageAndEscalationTests : SupportLineFixture
{
    [Fact]
    public async Task A_danger_text_alerts_the_duty_worker_and_police_liaison_at_once_with_a_discreet_reply()
    {
        var from = NewMobile();
        await TextAsync(from, "he said if i dont come out theyll shoot me");

        var alert = Assert.Single(await OutboxAsync<SupportLineDangerAlertRaised>());
        Assert.Equal(Now, alert.OccurredAt);
        Assert.Contains(Roles.PoliceLiaison, alert.AlertedRoles);
        Assert.Contains(Roles.SupportLineOperator, alert.AlertedRoles);
        Assert.Contains("D2", alert.MatchedRules);

        var alerts = await ClientFor(Roles.PoliceLiaison).GetFromJsonAsync<List<JsonElement>>("/api/supportline/alerts");
        Assert.Equal(["DangerToDutyWorker", "DangerToPoliceLiaison"], alerts!.Where(a => a.GetProperty("conversationId").GetGuid() == alert.ConversationId)
            .Select(a => a.GetProperty("kind").GetString()!).Order().ToArray());

        await DispatchAsync();
        var sent = Assert.Single(Twilio.Messages, m => m.To == from);
        Assert.Contains("999", sent.Body);
        Assert.DoesNotContain(ServiceName, sent.Body);
        Assert.Equal(StatusUrl, sent.StatusCallback);
        Assert.Equal(LineNumber, sent.From);
    }

    [Fact]
    public async Task The_inbox_lists_danger_first_then_the_longest_waiting()
    {
        var routine = NewMobile();
        var help = NewMobile();
        var danger = NewMobile();
        await TextAsync(routine, "hiya");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await TextAsync(help, "i need to talk to someone");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await TextAsync(danger, "im locked in and cant get out");

        var inbox = await ClientFor(Roles.SupportLineOperator).GetFromJsonAsync<List<JsonElement>>("/api/supportline/conversations", Json);
        var order = inbox!.Select(c => c.GetProperty("urgency").GetString()).ToList();
        Assert.Equal(["ImmediateDanger", "RequestForHelp", "Other"], order.Take(3));
        // The list never shows a message's text or a whole number.
        var raw = JsonSerializer.Serialize(inbox);
        Assert.DoesNotContain(danger, raw);
        Assert.DoesNotContain("locked in", raw);
    }

    [Fact]
    public async Task An_unanswered_text_escalates_to_the_duty_manager_once_after_15_minutes()
    {
        var from = NewMobile();
        await TextAsync(from, "hello?");
        await using (var db = CreateDbContext())
        {
            var id = (await db.Conversations.SingleAsync(c => c.Phone == from)).Id;
            Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
            await EscalateAsync();
            Assert.Empty(await OutboxAsync<SupportLineMessageUnanswered>(e => e.ConversationId == id));

            Clock.Advance(TimeSpan.FromSeconds(1));
            await EscalateAsync();
            await EscalateAsync();
            Clock.Advance(TimeSpan.FromMinutes(30));
            await EscalateAsync();
            var escalation = Assert.Single(await OutboxAsync<SupportLineMessageUnanswered>(e => e.ConversationId == id));
            Assert.Equal(TimeSpan.FromMinutes(15), escalation.Target);
            Assert.Equal(SupportLineFixture.Start, escalation.WaitingSince);
            Assert.Equal(1, await db.Alerts.CountAsync(a => a.ConversationId == id && a.Kind == AlertKind.UnansweredToDutyManager));
        }
    }

    [Fact]
    public async Task A_reply_ends_the_wait_records_the_response_time_and_is_reported_per_day()
    {
        var from = NewMobile();
        await TextAsync(from, "can someone help me");
        await using var db = CreateDbContext();
        var id = (await db.Conversations.SingleAsync(c => c.Phone == from)).Id;
        Clock.Advance(TimeSpan.FromMinutes(6));

        var operatorClient = ClientFor(Roles.SupportLineOperator, "duty-sam");
        var reply = await operatorClient.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Hi, I'm Sam. I'm here. What's happening?" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(30));
        await EscalateAsync();
        Assert.Empty(await OutboxAsync<SupportLineMessageUnanswered>(e => e.ConversationId == id));

        var report = await ClientFor(Roles.TeamManager).GetFromJsonAsync<JsonElement>("/api/supportline/reports/response-times?from=2026-01-10&to=2026-01-10");
        var day = report.GetProperty("days")[0];
        Assert.Equal("2026-01-10", day.GetProperty("date").GetString());
        Assert.True(day.GetProperty("answered").GetInt32() >= 1);
        Assert.True(day.GetProperty("longestMinutes").GetDouble() >= 6);
        Assert.Equal(HttpStatusCode.BadRequest, (await ClientFor(Roles.TeamManager).GetAsync("/api/supportline/reports/response-times?from=2026-01-10&to=x")).StatusCode);
    }

    [Fact]
    public async Task Reading_a_conversation_is_audited_and_shows_why_each_text_was_triaged()
    {
        var from = NewMobile();
        await TextAsync(from, "he wont let me leave");
        await using var db = CreateDbContext();
        var id = (await db.Conversations.SingleAsync(c => c.Phone == from)).Id;

        var view = await ClientFor(Roles.SupportLineOperator, "duty-ann").GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{id}");
        var inbound = view.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("direction").GetString() == "inbound");
        Assert.Equal("ImmediateDanger", inbound.GetProperty("category").GetString());
        Assert.Contains("D3", inbound.GetProperty("matchedRules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(await db.Set<Support.ServiceDefaults.Audit.AccessLogEntry>().AnyAsync(e => e.SubjectId == id));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(Roles.Commissioner).GetAsync($"/api/supportline/conversations/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_known_young_persons_text_goes_to_their_own_outreach_worker()
    {
        var id = await KnownYoungPersonAsync();
        var phone = NewMobile();
        var added = await ClientFor(Roles.OutreachWorker, "worker-eve").PostAsJsonAsync($"/api/supportline/young-people/{id}/phones",
            new { phone, outreachWorkerUserId = "worker-eve", confirmed = true });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        await TextAsync(phone, "can you ring me later");
        var mine = await ClientFor(Roles.OutreachWorker, "worker-eve").GetFromJsonAsync<List<JsonElement>>("/api/supportline/conversations?mine=true");
        var conversation = Assert.Single(mine!);
        Assert.Equal("YoungPerson", conversation.GetProperty("kind").GetString());
        Assert.Equal(id, conversation.GetProperty("youngPersonId").GetGuid());
        Assert.Equal("own-worker", conversation.GetProperty("routedTo").GetString());
    }

    [Fact]
    public async Task A_danger_conversation_is_not_closed_before_a_person_answers()
    {
        var from = NewMobile();
        await TextAsync(from, "they are coming to get me");
        await using var db = CreateDbContext();
        var id = (await db.Conversations.SingleAsync(c => c.Phone == from)).Id;
        var client = ClientFor(Roles.SupportLineOperator);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/close", new { reason = "spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/replies", new { body = "Are you safe right now?" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/close", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/supportline/conversations/{id}/close", new { reason = "Police attended; safe with aunt" })).StatusCode);
    }
}

/// <summary>SL-05, SL-07: an anonymous conversation is linked to a young person explicitly; their texts can become their recorded views.</summary>
public sealed class YoungPersonsWordsTests : SupportLineFixture
{
    [Fact]
    public async Task A_text_marked_as_the_young_persons_views_is_announced_word_for_word_once()
    {
        var from = NewMobile();
        await TextAsync(from, "i want to stay at my nans, not go back there");
        await using var db = CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Phone == from);
        var message = await db.InboundMessages.SingleAsync(m => m.ConversationId == conversation.Id);
        var worker = ClientFor(Roles.OutreachWorker, "worker-fay");
        var path = $"/api/supportline/conversations/{conversation.Id}/messages/{message.Id}/young-persons-views";

        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync(path, null)).StatusCode); // still anonymous (SL-05)
        var person = await KnownYoungPersonAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await worker.PostAsJsonAsync($"/api/supportline/conversations/{conversation.Id}/young-person", new { youngPersonId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"/api/supportline/conversations/{conversation.Id}/young-person", new { youngPersonId = person })).StatusCode);
        Assert.True(await db.Set<Support.ServiceDefaults.Audit.AccessLogEntry>().AnyAsync(e => e.SubjectId == person && e.Actor == "worker-fay"));

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync(path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync(path, null)).StatusCode);

        var views = Assert.Single(await OutboxAsync<YoungPersonViewsRecorded>(v => v.YoungPersonId == person));
        Assert.Equal("i want to stay at my nans, not go back there", views.Words);
        Assert.Equal(SupportLineFixture.Start, views.SaidAt);
        Assert.Equal("worker-fay", views.RecordedBy);
        Assert.Equal(Now, views.OccurredAt);
    }
}

/// <summary>SL-04: a number reported as a perpetrator's is intelligence, never a contact number.</summary>
public sealed class PersonOfConcernNumberTests : SupportLineFixture
{
    [Fact]
    public async Task A_reported_perpetrator_number_is_proposed_as_intelligence_and_never_registered_or_texted()
    {
        var from = NewMobile();
        var theirs = NewMobile();
        await TextAsync(from, "he keeps texting me from " + theirs);
        await using var db = CreateDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Phone == from);
        var worker = ClientFor(Roles.SupportLineOperator, "duty-gil");

        var reported = await worker.PostAsJsonAsync($"/api/supportline/conversations/{conversation.Id}/person-of-concern-numbers",
            new { phone = theirs, description = "the man she calls Tariq; texts threats" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var proposal = Assert.Single(await OutboxAsync<PersonOfConcernNumberReported>());
        Assert.Equal(theirs, proposal.Phone);
        Assert.Equal("duty-gil", proposal.ReportedBy);

        var person = await KnownYoungPersonAsync();
        var asContact = await worker.PostAsJsonAsync($"/api/supportline/young-people/{person}/phones", new { phone = theirs, confirmed = true });
        Assert.Equal(HttpStatusCode.Conflict, asContact.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ClientFor(Roles.TeamManager).PostAsJsonAsync("/api/supportline/carer-phones", new { phone = theirs })).StatusCode);
        Assert.False(await db.YoungPersonPhones.AnyAsync(p => p.Phone == theirs));

        // Even a text that somehow reached the queue for that number is never sent.
        db.OutboundMessages.Add(new OutboundSms { Id = Guid.NewGuid(), To = theirs, Body = "hello", RequestedBy = "test", RequestedAt = Now });
        await db.SaveChangesAsync();
        await DispatchAsync();
        Assert.DoesNotContain(Twilio.Messages, m => m.To == theirs);
    }
}
