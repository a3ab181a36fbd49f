using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Registry;
using Support.Referrals.Consumers.Chronology;

namespace Support.Referrals.Tests;

/// <summary>REC-03: every event about a young person reaches their chronology, so no record is kept where it cannot be seen.</summary>
public sealed class ChronologyCoverageTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    /// <summary>Commands are not records of something that happened; the event that follows them is.</summary>
    private static readonly string[] Commands = ["ReportWhereaboutsUnknown", "LogOutreachContact", "SendSms", "ProposePersonOfConcernLink"];

    /// <summary>
    /// The retention erasure's events (REC-04) remove the chronology itself: an entry for them would bring a removed
    /// record back. Their record is the retention tombstone.
    /// </summary>
    private static readonly string[] Erasure = [nameof(RetentionPeriodEnded), nameof(YoungPersonRecordsErased)];

    /// <summary>
    /// A disclosure pack's request and the services' parts (REC-10) copy the record rather than add to it: the pack is
    /// its own record, and making it is audited as an export.
    /// </summary>
    private static readonly string[] PackCopies = [nameof(DisclosurePackRequested), nameof(DisclosurePackContributed)];

    [Fact]
    public void Every_event_about_a_young_person_has_a_chronology_consumer_registered_on_the_bus()
    {
        var events = typeof(YoungPersonRegistered).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(MessageUrnAttribute), false).Length > 0 && !Commands.Contains(t.Name) && !Erasure.Contains(t.Name)
                && !PackCopies.Contains(t.Name))
            .Where(t => t.GetProperty("YoungPersonId") is not null || t.GetProperty("YoungPersonIds") is not null || t.GetProperty("Children") is not null)
            .ToList();
        var consumers = typeof(ChronologyConsumer<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ChronologyConsumer<>))
            .ToDictionary(t => t.BaseType!.GetGenericArguments()[0]);
        using var scope = fixture.Host.Services.CreateScope();

        Assert.True(events.Count >= 30, $"only {events.Count} events found");
        Assert.All(events, e =>
        {
            Assert.True(consumers.TryGetValue(e, out var consumer), $"{e.Name} has no chronology consumer");
            Assert.NotNull(scope.ServiceProvider.GetService(consumer));
        });
    }
}
