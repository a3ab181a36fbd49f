using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine.Tests.Webhooks;

/// <summary>OUT-01: a registered outreach worker logs a street contact in one text; anyone else's text is just a message.</summary>
public sealed class WorkerContactTests : SupportLineFixture
{
    [Fact]
    public async Task A_workers_contact_text_becomes_a_log_outreach_contact_command_and_a_confirmation()
    {
        var worker = NewMobile();
        await RegisterWorkerPhoneAsync(worker, "worker-amy");
        var sid = NewSid();

        var response = await TextAsync(worker, "C Jaz 2215 !high Clifton Park / with two older men in a silver car, said she was fine", sid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Message>Logged: Jaz at 22:15, Clifton Park.", twiml);
        var command = Assert.Single(await OutboxAsync<LogOutreachContact>(c => c.WorkerUserId == "worker-amy"));
        Assert.Equal(ReceiveInboundSms.CommandIdFor(sid), command.CommandId);
        Assert.Equal("Jaz", command.Alias);
        Assert.Null(command.YoungPersonId);
        Assert.Equal(London.At(new DateOnly(2026, 1, 10), new TimeOnly(22, 15)), command.ContactedAt);
        Assert.Equal("Clifton Park", command.Place);
        Assert.Equal("with two older men in a silver car, said she was fine", command.Notes);
        Assert.Equal(RiskLevel.High, command.Concern);
        Assert.Equal("sms", command.Channel);
        Assert.Equal(Now, command.OccurredAt);
        // A worker's text opens no conversation and is not triaged.
        await using var db = CreateDbContext();
        Assert.False(await db.Conversations.AnyAsync(c => c.Phone == worker));
    }

    [Fact]
    public async Task A_redelivered_contact_text_issues_no_second_command()
    {
        var worker = NewMobile();
        await RegisterWorkerPhoneAsync(worker, "worker-ben");
        var sid = NewSid();
        await TextAsync(worker, "C Kay 2100 Interchange / waiting by the taxis", sid);
        await TextAsync(worker, "C Kay 2100 Interchange / waiting by the taxis", sid);
        Assert.Single(await OutboxAsync<LogOutreachContact>(c => c.WorkerUserId == "worker-ben"));
    }

    [Fact]
    public async Task A_contact_naming_a_registered_young_person_by_id_carries_the_id()
    {
        var worker = NewMobile();
        await RegisterWorkerPhoneAsync(worker, "worker-cat");
        var id = await KnownYoungPersonAsync();
        await TextAsync(worker, $"C {id} 2000 Maltby / seemed tired");
        var command = Assert.Single(await OutboxAsync<LogOutreachContact>(c => c.WorkerUserId == "worker-cat"));
        Assert.Equal(id, command.YoungPersonId);
        Assert.Null(command.Alias);
        Assert.Equal("Maltby", command.Place);
    }

    [Theory]
    [InlineData("C Jaz 2515 Park / x", "is not a time")]
    [InlineData("C Jaz 2215", "too short")]
    [InlineData("C Jaz 2215 Park", "add notes")]
    [InlineData("C Jaz 2215 !urgent Park / x", "concern must be one of")]
    [InlineData("hello there", "start with C")]
    public async Task An_invalid_contact_text_is_answered_with_what_was_wrong_and_nothing_reaches_outreach(string text, string expected)
    {
        var worker = NewMobile();
        var user = "worker-" + Guid.NewGuid().ToString("N")[..6];
        await RegisterWorkerPhoneAsync(worker, user);
        var response = await TextAsync(worker, text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Empty(await OutboxAsync<LogOutreachContact>(c => c.WorkerUserId == user));
    }

    [Fact]
    public async Task An_unknown_young_person_id_is_refused()
    {
        var worker = NewMobile();
        await RegisterWorkerPhoneAsync(worker, "worker-dan");
        var response = await TextAsync(worker, $"C {Guid.NewGuid()} 2000 Maltby / seen");
        Assert.Contains("no young person has that id", await response.Content.ReadAsStringAsync());
        Assert.Empty(await OutboxAsync<LogOutreachContact>(c => c.WorkerUserId == "worker-dan"));
    }

    [Fact]
    public async Task The_contact_grammar_from_a_number_that_is_not_a_workers_is_an_ordinary_message()
    {
        var stranger = NewMobile();
        var response = await TextAsync(stranger, "C Jaz 2215 Clifton Park / she is with them now");
        Assert.DoesNotContain("Logged", await response.Content.ReadAsStringAsync());
        Assert.Empty(await OutboxAsync<LogOutreachContact>(c => c.Place == "Clifton Park" && c.Notes == "she is with them now"));
        await using var db = CreateDbContext();
        Assert.True(await db.Conversations.AnyAsync(c => c.Phone == stranger && c.Kind == ConversationKind.Anonymous));
    }

    [Fact]
    public async Task Only_duty_managers_keep_the_worker_phone_register()
    {
        var outreach = ClientFor(Support.ServiceDefaults.Auth.Roles.OutreachWorker);
        var response = await outreach.PostAsync("/api/supportline/worker-phones",
            System.Net.Http.Json.JsonContent.Create(new { phone = NewMobile(), workerUserId = "me" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var manager = ClientFor(Support.ServiceDefaults.Auth.Roles.TeamManager);
        var bad = await manager.PostAsync("/api/supportline/worker-phones", System.Net.Http.Json.JsonContent.Create(new { phone = "call me", workerUserId = "me" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("phone", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/supportline/worker-phones")).StatusCode);
    }
}
