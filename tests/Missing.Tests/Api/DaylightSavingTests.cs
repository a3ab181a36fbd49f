using System.Net.Http.Json;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>
/// Part I: instants are stored in UTC and shown in Europe/London; 72 hours is elapsed time across clock changes.
/// One test walks the fixture's clock through both 2026 changes (it only moves forward).
/// </summary>
public sealed class DaylightSavingTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    [Fact]
    public async Task Due_times_across_both_uk_clock_changes_are_72_elapsed_hours_and_shown_at_the_right_local_hour()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        // Spring: returned Saturday 28 March 12:00 GMT; clocks go forward on the 29th; due Tuesday 31 March 13:00 BST.
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero));
        var spring = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-2)));
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var springReturn = await worker.ReturnAsync(spring.Id, MissingRequests.Return(fixture.Now));

        var springDue = springReturn.ReturnInterview!.DueAt;
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero), springDue.Utc);
        Assert.Equal("2026-03-31T13:00:00+01:00", springDue.London.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("BST", springDue.Zone);
        Assert.Equal("GMT", springReturn.Return!.ReturnedAt.Zone);
        var read = await manager.GetFromJsonAsync<ReturnInterviewResponse>($"/api/missing/return-interviews/{springReturn.ReturnInterview.Id}", MissingFixture.Json);
        Assert.Equal(springDue, read!.DueAt);

        // Autumn: returned Saturday 24 October 13:00 BST (12:00 UTC); clocks go back on the 25th; due Tuesday 27 October 12:00 GMT.
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 11, 0, 0, TimeSpan.Zero));
        var autumn = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-2)));
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        var autumnReturn = await worker.ReturnAsync(autumn.Id, MissingRequests.Return(new DateTimeOffset(2026, 10, 24, 13, 0, 0, TimeSpan.FromHours(1))));

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), autumnReturn.Return!.ReturnedAt.Utc);
        Assert.Equal("BST", autumnReturn.Return.ReturnedAt.Zone);
        var autumnDue = autumnReturn.ReturnInterview!.DueAt;
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 12, 0, 0, TimeSpan.Zero), autumnDue.Utc);
        Assert.Equal("2026-10-27T12:00:00+00:00", autumnDue.London.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("GMT", autumnDue.Zone);

        // One tick before the deadline it is not overdue; at the deadline it is, shown at 12:00 GMT.
        fixture.Clock.SetUtcNow(autumnDue.Utc - TimeSpan.FromTicks(1));
        var before = await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?overdue=true", MissingFixture.Json);
        Assert.DoesNotContain(before!, i => i.Id == autumnReturn.ReturnInterview.Id);
        fixture.Clock.SetUtcNow(autumnDue.Utc);
        var at = await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?overdue=true", MissingFixture.Json);
        var row = Assert.Single(at!, i => i.Id == autumnReturn.ReturnInterview.Id);
        Assert.Equal(autumnDue, row.DueAt);
    }
}
