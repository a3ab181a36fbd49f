using System.Collections.Concurrent;
using System.Net.Http.Json;
using MassTransit;
using Support.Contracts.Registry;
using Support.Referrals.Data;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Correlation;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// Registration over the real broker: the outbox relay publishes what the request stored, with the row id as the
/// MessageId and the request's correlation id in the headers, so one user action can be followed across services.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class RegistrationMessagingTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<ConsumeContext<YoungPersonRegistered>> _received = new();
    private string _database = "";
    private ServiceHost<ReferralsDbContext> _host = null!;
    private IBusControl _listener = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<ReferralsDbContext>("referrals-bus");
        _listener = await TestBus.StartAsync(cfg => cfg.ReceiveEndpoint($"referrals-tests-listener-{Guid.NewGuid():N}", e =>
        {
            e.AutoDelete = true;
            e.Handler<YoungPersonRegistered>(context =>
            {
                _received.Enqueue(context);
                return Task.CompletedTask;
            });
        }));
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Referrals"] = PostgresDatabases.ConnectionString(_database),
            ["Outbox:PollInterval"] = "00:00:00.050",
        };
        _host = new ServiceHost<ReferralsDbContext>(settings);
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _listener.StopAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    [Fact]
    public async Task A_registration_is_published_once_with_the_outbox_row_id_and_the_request_correlation_id()
    {
        using var client = _host.ClientFor(Roles.SocialWorker);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals/young-people")
        {
            Content = JsonContent.Create(YoungPersonRequests.Valid("Bus", "Rider", "2009-12-12")),
        };
        request.Headers.Add(CorrelationId.HeaderName, "reg-corr-42");

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Features.YoungPeople.YoungPersonResponse>(YoungPersonRequests.Json);

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(_received.FirstOrDefault(c => c.Message.YoungPersonId == created!.Id)),
            because: "the registration to be published");
        Assert.Equal("reg-corr-42", delivered.Headers.Get<string>(CorrelationId.HeaderName));
        Assert.Equal("Kay Rider", delivered.Message.DisplayName);
        Assert.Equal(new DateOnly(2009, 12, 12), delivered.Message.DateOfBirth);

        // The relay marks the row sent after the broker took the message, so the consumer can see it first.
        var row = await Eventually.GetAsync(async () =>
        {
            await using var db = PostgresDatabases.CreateContext<ReferralsDbContext>(_database);
            var outboxRow = db.Set<Support.Messaging.Outbox.OutboxMessage>().Single(m => m.Id == delivered.MessageId);
            return outboxRow.SentAt is null ? null : outboxRow;
        }, because: "the relay to mark the outbox row sent");
        Assert.Equal("reg-corr-42", row.CorrelationId);
        Assert.Single(_received, c => c.Message.YoungPersonId == created!.Id);
    }
}
