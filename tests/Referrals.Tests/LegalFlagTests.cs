using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-07: legal age flags from the age on the date of the event, a manager task for each, and a prompt quoting the
/// law when a note about a child under 16 uses the language of consent or blame (REF-08), which never blocks saving.
/// </summary>
public sealed class LegalFlagTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private async Task<Guid> PersonAsync(string dateOfBirth)
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "sw-register");
        return (await client.RegisterAsync(YoungPersonRequests.Valid("Legal", "Flagged", dateOfBirth))).Id;
    }

    private async Task<RiskAssessmentResponse> AssessAsync(string dateOfBirth, string eventDate, string[]? indicators = null, bool sexualActivity = true, string? notes = null)
    {
        var person = await PersonAsync(dateOfBirth);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-flags");
        return await worker.AssessAsync(person, RiskRequests.Assessment(eventDate: eventDate, chosenLevel: "VeryHigh",
            indicators: indicators, sexualActivity: sexualActivity, notes: notes));
    }

    [Theory]
    [InlineData("2013-11-20", "2026-11-19", 12, new[] { LegalFlag.UnlawfulSexualActivityChildVictim, LegalFlag.Under13NoCapacityToConsent })] // the day before the 13th birthday
    [InlineData("2013-11-20", "2026-11-20", 13, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]                                        // the 13th birthday
    [InlineData("2010-11-20", "2026-11-19", 15, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]                                        // the day before the 16th birthday
    [InlineData("2010-11-20", "2026-11-20", 16, new LegalFlag[0])]                                                                              // the 16th birthday
    [InlineData("2012-02-29", "2025-02-28", 12, new[] { LegalFlag.UnlawfulSexualActivityChildVictim, LegalFlag.Under13NoCapacityToConsent })] // 29 Feb: not 13 until 1 March in a common year
    [InlineData("2012-02-29", "2025-03-01", 13, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]
    [InlineData("2008-02-29", "2024-02-28", 15, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]                                        // 29 Feb: 16 on 29 Feb in a leap year
    [InlineData("2008-02-29", "2024-02-29", 16, new LegalFlag[0])]
    public async Task Sexual_activity_flags_follow_the_age_on_the_date_of_the_event(string dateOfBirth, string eventDate, int age, LegalFlag[] flags)
    {
        var assessment = await AssessAsync(dateOfBirth, eventDate);

        Assert.Equal(age, assessment.AgeOnEventDate);
        Assert.Equal(flags, assessment.LegalFlags);
        var raised = await fixture.OutboxAsync<LegalFlagRaised>(m => m.YoungPersonId == assessment.YoungPersonId);
        Assert.Equal(flags, raised.Select(r => r.Flag).Order());
        Assert.All(raised, r => Assert.Equal(age, r.AgeOnEventDate));
    }

    [Theory]
    [InlineData("Pregnancy")]
    [InlineData("TerminationOrMiscarriage")]
    [InlineData("Sti")]
    public async Task Pregnancy_termination_or_sti_under_16_sets_the_unlawful_sexual_activity_flag(string indicator)
    {
        var assessment = await AssessAsync("2011-06-01", "2026-11-20", [indicator], sexualActivity: false);

        Assert.Equal([LegalFlag.UnlawfulSexualActivityChildVictim], assessment.LegalFlags);
    }

    [Fact]
    public async Task No_flag_without_any_sexual_item_however_young()
    {
        var assessment = await AssessAsync("2016-01-01", "2026-11-20", ["MissingFromHome"], sexualActivity: false);

        Assert.Empty(assessment.LegalFlags);
        Assert.Empty(await fixture.OutboxAsync<LegalFlagRaised>(m => m.YoungPersonId == assessment.YoungPersonId));
    }

    [Fact]
    public async Task Each_flag_is_stored_on_the_record_and_creates_a_manager_task_that_a_manager_completes_once_with_a_decision()
    {
        var assessment = await AssessAsync("2014-05-05", "2026-11-20");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-decides");

        var flags = await worker.GetFromJsonAsync<List<LegalFlagResponse>>(
            $"/api/referrals/young-people/{assessment.YoungPersonId}/legal-flags", YoungPersonRequests.Json);
        Assert.Equal([LegalFlag.UnlawfulSexualActivityChildVictim, LegalFlag.Under13NoCapacityToConsent], flags!.Select(f => f.Flag).Order());
        Assert.All(flags!, f => Assert.Equal(assessment.Id, f.SourceId));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/referrals/manager-tasks")).StatusCode);
        var tasks = (await manager.GetFromJsonAsync<List<ManagerTaskResponse>>(
            $"/api/referrals/manager-tasks?youngPersonId={assessment.YoungPersonId}", YoungPersonRequests.Json))!;
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.False(t.Completed));

        var task = tasks[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = "Strategy discussion" })).StatusCode);
        using var noDecision = await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = " " });
        Assert.Equal(["decision"], await noDecision.ErrorFieldsAsync());
        using var done = await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = "Strategy discussion today; police informed." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var completed = await done.ReadAsync<ManagerTaskResponse>();
        Assert.Equal("tm-decides", completed.CompletedBy);
        Assert.Equal(ReferralsFixture.Now, completed.CompletedAt?.Utc);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{Guid.NewGuid()}/complete", new { decision = "x" })).StatusCode);

        var open = (await manager.GetFromJsonAsync<List<ManagerTaskResponse>>(
            $"/api/referrals/manager-tasks?youngPersonId={assessment.YoungPersonId}", YoungPersonRequests.Json))!;
        Assert.Equal(tasks[1].Id, Assert.Single(open).Id);
        var all = (await manager.GetFromJsonAsync<List<ManagerTaskResponse>>(
            $"/api/referrals/manager-tasks?youngPersonId={assessment.YoungPersonId}&status=all", YoungPersonRequests.Json))!;
        Assert.Equal(2, all.Count);
    }

    [Theory]
    [InlineData("She said it was consensual.", "consensual")]
    [InlineData("He consented to go with them.", "consented")]
    [InlineData("Went willingly in the car.", "willingly")]
    [InlineData("Involved in prostitution.", "prostitution")]
    [InlineData("She keeps putting herself at risk.", "putting herself at risk")]
    [InlineData("He is putting himself at risk.", "putting himself at risk")]
    [InlineData("A Lifestyle Choice, according to the school.", "lifestyle choice")]
    public async Task Language_of_consent_or_blame_about_a_child_under_16_returns_a_prompt_quoting_the_law_and_the_record_is_saved(string notes, string term)
    {
        var assessment = await AssessAsync("2011-06-01", "2026-11-20", sexualActivity: false, notes: notes);

        var prompt = Assert.Single(assessment.Prompts);
        Assert.Equal([term], prompt.Terms);
        Assert.Equal([LegalLanguagePrompts.AgeOfConsent, LegalLanguagePrompts.Under16], prompt.Law);
        Assert.Equal("Any sexual activity with a consenting child under the age of 16 is unlawful.", prompt.Law[1]);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(notes, (await db.RiskAssessments.SingleAsync(a => a.Id == assessment.Id)).Notes);
    }

    [Fact]
    public async Task The_prompt_for_a_child_under_13_quotes_that_they_cannot_consent_under_any_circumstances()
    {
        var assessment = await AssessAsync("2014-05-05", "2026-11-20", notes: "Says she consents.");

        var prompt = Assert.Single(assessment.Prompts);
        Assert.Equal([LegalLanguagePrompts.AgeOfConsent, LegalLanguagePrompts.Under13, LegalLanguagePrompts.Under16], prompt.Law);
        Assert.StartsWith("A child under 13 does not, under any circumstances, have legal capacity to consent", prompt.Law[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_note_about_a_child_under_16_in_the_language_of_consent_returns_the_prompt_and_is_saved()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-notes");
        var yesterday = fixture.Clock.GetUtcNow().AddDays(-1);
        var child = await PersonAsync("2012-05-01");
        var note = await worker.AddNoteAsync(child, yesterday, "She said it was consensual and that she went willingly.");
        var prompt = Assert.Single(note.Prompts!);
        Assert.Equal(["consensual", "willingly"], prompt.Terms);
        Assert.Equal([LegalLanguagePrompts.AgeOfConsent, LegalLanguagePrompts.Under16], prompt.Law);
        Assert.Contains((await worker.ChronologyAsync(child)).Entries, e => e.Id == note.Id);

        var adult = await PersonAsync("2008-01-01");
        Assert.Empty((await worker.AddNoteAsync(adult, yesterday, "She said it was consensual.")).Prompts!);
    }

    [Fact]
    public async Task A_case_note_recording_sexual_activity_of_a_child_under_16_raises_the_flag_on_the_child_with_a_managers_task()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-notes");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-notes");
        var child = await PersonAsync("2012-05-01");
        var plain = await worker.AddNoteAsync(child, fixture.Clock.GetUtcNow().AddDays(-1), "Seen at school; said she was fine.");
        using var flagged = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/chronology", new
        {
            occurredAt = fixture.Clock.GetUtcNow().AddDays(-1), text = "Told her teacher about sex with a man she met online.", sexualActivity = true,
        });
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var note = await flagged.ReadAsync<Support.Referrals.Features.Chronology.ChronologyEntryResponse>();

        var flag = Assert.Single((await manager.GetFromJsonAsync<List<LegalFlagResponse>>($"/api/referrals/young-people/{child}/legal-flags", YoungPersonRequests.Json))!);
        Assert.Equal((LegalFlag.UnlawfulSexualActivityChildVictim, note.Id), (flag.Flag, flag.SourceId));
        Assert.NotEqual(plain.Id, flag.SourceId);
        var task = Assert.Single((await manager.GetFromJsonAsync<List<ManagerTaskResponse>>($"/api/referrals/manager-tasks?youngPersonId={child}", YoungPersonRequests.Json))!);
        Assert.Equal(note.Id, task.SourceId);
        using var badIndicator = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/chronology", new
        {
            occurredAt = fixture.Clock.GetUtcNow().AddDays(-1), text = "x", indicators = new[] { "NotAnIndicator" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badIndicator.StatusCode);
    }

    [Fact]
    public async Task No_prompt_at_16_or_for_notes_without_such_words()
    {
        var sixteen = await AssessAsync("2010-11-20", "2026-11-20", sexualActivity: false, notes: "Said it was consensual.");
        var plain = await AssessAsync("2011-06-01", "2026-11-20", sexualActivity: false, notes: "Seen at the bus station with older men.");

        Assert.Empty(sixteen.Prompts);
        Assert.Empty(plain.Prompts);
    }
}
