using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>REF-16, OUT-04: a worker's concern goes to Referrals as codes, through the outbox.</summary>
public sealed class ConcernTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task A_concern_is_announced_with_its_indicators_and_bad_indicators_or_unknown_people_are_refused()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-concern");

        using var raised = await worker.PostAsJsonAsync("/api/outreach/concerns", new { youngPersonId = person, indicators = new[] { "DrivenAroundInCars", "drivenaroundincars" } });
        using var badIndicator = await worker.PostAsJsonAsync("/api/outreach/concerns", new { youngPersonId = person, indicators = new[] { "Vibes" } });
        using var unknownPerson = await worker.PostAsJsonAsync("/api/outreach/concerns", new { youngPersonId = Guid.NewGuid(), indicators = new[] { "DrivenAroundInCars" } });

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var announced = Assert.Single(await fixture.OutboxAsync<OutreachConcernRaised>(m => m.YoungPersonId == person));
        Assert.Equal([RiskIndicator.DrivenAroundInCars], announced.Indicators);
        Assert.Equal(("ow-concern", fixture.Now), (announced.RaisedBy, announced.OccurredAt));
        Assert.Equal(["indicators[0]"], await badIndicator.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownPerson.StatusCode);
        Assert.Equal(["youngPersonId"], await unknownPerson.ErrorFieldsAsync());
    }
}
