using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Referrals.Data;
using Support.Referrals.Features.Referrals;
using Support.Testing;
using MassTransit;

namespace Support.Referrals.Tests;

internal static class ReferralRequests
{
    public static readonly JsonSerializerOptions Json = YoungPersonRequests.Json;

    /// <summary>A referral for a registered young person; override what a test is about.</summary>
    public static Dictionary<string, object?> For(Guid youngPersonId, DateTimeOffset occurredAt, string referrerRole = "SocialWorker",
        string cseType = "StreetGrooming", bool adultInvolved = true, string[]? indicators = null, bool sexualActivity = false,
        bool disclosureOfAssault = false) => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["referrerRole"] = referrerRole,
        ["referrerOrganisation"] = referrerRole == "OutreachWorker" ? "Risky Business" : "Children's Social Care",
        ["cseType"] = cseType,
        ["adultInvolved"] = adultInvolved,
        ["riskIndicators"] = indicators ?? ["DrivenAroundInCars", "SchoolAbsence"],
        ["sexualActivity"] = sexualActivity,
        ["disclosureOfAssault"] = disclosureOfAssault,
        ["occurredAt"] = occurredAt,
        ["narrative"] = "Seen getting into a car with two older men outside school.",
    };

    /// <summary>A referral with the young person's details inline instead of an id.</summary>
    public static Dictionary<string, object?> Inline(object person, DateTimeOffset occurredAt)
    {
        var body = For(Guid.Empty, occurredAt);
        body.Remove("youngPersonId");
        body["youngPerson"] = person;
        return body;
    }

    public static async Task<ReferralResponse> ReferAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReferralResponse>(Json))!;
    }

    public static async Task<ReferralResponse> GetReferralAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ReferralResponse>($"/api/referrals/{id}", Json))!;

}

/// <summary>
/// A Referrals host whose fake clock starts where a test needs it (a fake clock never goes back, so deadline-edge
/// tests each get their own). Same setup as <see cref="ReferralsFixture"/>.
/// </summary>
internal sealed class ReferralsHostAt : IAsyncDisposable
{
    private string _database = "";

    private ReferralsHostAt(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }
    public ServiceHost<ReferralsDbContext> Host { get; private set; } = null!;

    public ReferralsDbContext CreateDbContext() => PostgresDatabases.CreateContext<ReferralsDbContext>(_database);

    public static async Task<ReferralsHostAt> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var host = new ReferralsHostAt(start);
        host._database = await PostgresDatabases.CreateAsync<ReferralsDbContext>("referrals-deadline");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Referrals"] = PostgresDatabases.ConnectionString(host._database),
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        host.Host = new ServiceHost<ReferralsDbContext>(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(host.Clock));
            services.AddMassTransitTestHarness();
        });
        try
        {
            _ = host.Host.Server;
        }
        catch
        {
            // A host that refuses to start (invalid settings) leaves no database behind.
            await PostgresDatabases.DropAsync(host._database);
            throw;
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }
}
