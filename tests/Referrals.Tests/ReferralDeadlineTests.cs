using Support.Contracts.Referrals;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-04: the decision deadline is 1 working day from receipt, at its edges: a Friday afternoon, the Christmas bank
/// holidays and the spring clock change. Each test starts its own host because a fake clock never goes back.
/// </summary>
public sealed class ReferralDeadlineTests
{
    private static async Task<ReferralResponse> ReceivedAtAsync(
        DateTimeOffset receivedAt, string referrerRole = "SocialWorker", IReadOnlyDictionary<string, string?>? configuration = null)
    {
        await using var host = await ReferralsHostAt.StartAsync(receivedAt, configuration);
        using var client = host.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Deadline", "Edge", "2011-01-01"));
        return await client.ReferAsync(ReferralRequests.For(person.Id, receivedAt.AddHours(-2), referrerRole));
    }

    [Fact]
    public async Task A_referral_received_on_Friday_at_16_59_is_due_on_Monday_at_16_59()
    {
        var referral = await ReceivedAtAsync(new DateTimeOffset(2025, 12, 19, 16, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 12, 22, 16, 59, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal("2025-12-22 16:59 +00:00 GMT", referral.DecisionDue.Shown());
    }

    [Fact]
    public async Task A_referral_received_on_Christmas_Eve_skips_the_bank_holidays_and_the_weekend()
    {
        var referral = await ReceivedAtAsync(new DateTimeOffset(2025, 12, 24, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 12, 29, 10, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal("2025-12-29 10:00 +00:00 GMT", referral.DecisionDue.Shown());
    }

    [Fact]
    public async Task A_referral_received_on_the_Friday_before_the_clock_change_is_due_at_the_same_London_time_on_Monday()
    {
        // Friday 27 March 2026 10:00 GMT; the clocks go forward on Sunday 29 March.
        var referral = await ReceivedAtAsync(new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal("2026-03-30 10:00 +01:00 BST", referral.DecisionDue.Shown());
    }

    [Fact]
    public async Task The_same_content_from_an_outreach_worker_on_Christmas_Eve_has_the_same_deadline_and_priority()
    {
        var receivedAt = new DateTimeOffset(2025, 12, 24, 10, 0, 0, TimeSpan.Zero);

        var fromOutreach = await ReceivedAtAsync(receivedAt, "OutreachWorker");
        var fromSocial = await ReceivedAtAsync(receivedAt, "SocialWorker");

        Assert.Equal(fromSocial.DecisionDue, fromOutreach.DecisionDue);
        Assert.Equal(fromSocial.Priority, fromOutreach.Priority);
        Assert.Equal(ReferralPriority.Urgent, fromOutreach.Priority);
    }

    [Fact]
    public async Task An_undecided_referral_due_on_Friday_escalates_to_a_senior_manager_on_Monday_not_over_the_weekend()
    {
        // Thursday 8 January 2026 10:00: due Friday 10:00, escalates one further working day later (REF-04).
        var referral = await ReceivedAtAsync(new DateTimeOffset(2026, 1, 8, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 9, 10, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 10, 0, 0, TimeSpan.Zero), referral.EscalatesAt.Utc);
        Assert.Equal("2026-01-12 10:00 +00:00 GMT", referral.EscalatesAt.Shown());
        Assert.False(referral.Escalated);
    }

    [Fact]
    public async Task A_council_can_set_a_longer_escalation_period_and_New_Years_Day_does_not_count()
    {
        // Christmas Eve 2025: due Monday 29 December; three further working days are 30 and 31 December and 2 January.
        var referral = await ReceivedAtAsync(new DateTimeOffset(2025, 12, 24, 10, 0, 0, TimeSpan.Zero),
            configuration: new Dictionary<string, string?> { ["FrontDoor:DecisionEscalationWorkingDays"] = "3" });

        Assert.Equal(new DateTimeOffset(2025, 12, 29, 10, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero), referral.EscalatesAt.Utc);
    }

    [Fact]
    public async Task An_escalation_period_of_zero_working_days_stops_the_service_starting()
    {
        var start = new DateTimeOffset(2026, 1, 8, 10, 0, 0, TimeSpan.Zero);

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await ReferralsHostAt.StartAsync(start, new Dictionary<string, string?> { ["FrontDoor:DecisionEscalationWorkingDays"] = "0" });
        });

        Assert.Contains("DecisionEscalationWorkingDays", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_received_in_2029_past_the_end_of_the_old_holiday_table_is_taken_with_its_deadline_from_the_computed_calendar()
    {
        // Monday 24 December 2029: Christmas Day and Boxing Day (Tuesday, Wednesday) are skipped, so due Thursday 27th;
        // it escalates a further working day later, on Friday 28th. The old table ended in 2028 and refused this with a 500.
        var receivedAt = new DateTimeOffset(2029, 12, 24, 10, 0, 0, TimeSpan.Zero);
        await using var host = await ReferralsHostAt.StartAsync(receivedAt);
        using var client = host.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Future", "Intake", "2015-06-01"));

        var referral = await client.ReferAsync(ReferralRequests.For(person.Id, receivedAt.AddHours(-2), "SocialWorker"));

        Assert.Equal(new DateTimeOffset(2029, 12, 27, 10, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);
        Assert.Equal(new DateTimeOffset(2029, 12, 28, 10, 0, 0, TimeSpan.Zero), referral.EscalatesAt.Utc);
    }
}
