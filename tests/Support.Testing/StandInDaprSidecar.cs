using System.Buffers.Binary;
using System.Collections.Concurrent;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Support.Testing;

/// <summary>
/// A stand-in for the Dapr sidecar, enough of it for what the platform asks of Dapr.Client: the HTTP health endpoint
/// (<c>WaitForSidecarAsync</c>) on one port, and on another (unencrypted HTTP/2, as the injected sidecar serves gRPC on
/// localhost) the methods <c>dapr.proto.runtime.v1.Dapr/GetSecret</c>, answering from an in-memory store, and
/// <c>dapr.proto.runtime.v1.Dapr/InvokeBinding</c>, recording each call (the support line's SMS transport).
/// </summary>
public sealed class StandInDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInDaprSidecar(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    public string HttpEndpoint { get; }

    public string GrpcEndpoint { get; }

    /// <summary>Every GetSecret call, as "store/name".</summary>
    public ConcurrentQueue<string> SecretRequests { get; } = new();

    /// <summary>One output-binding call as the sidecar received it.</summary>
    public sealed record BindingCall(string Name, string Operation, string Data, IReadOnlyDictionary<string, string> Metadata);

    /// <summary>Every InvokeBinding call, in order.</summary>
    public ConcurrentQueue<BindingCall> BindingCalls { get; } = new();

    /// <summary>The gRPC status the next InvokeBinding calls fail with (0 = succeed), as daprd answers when a binding errs.</summary>
    public int BindingFailure { get; set; }

    public static async Task<StandInDaprSidecar> StartAsync(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? stores = null)
    {
        stores ??= new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>();
        var httpPort = FreePort();
        var grpcPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, httpPort, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, l => l.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var sidecar = new StandInDaprSidecar(app, httpPort, grpcPort);
        app.MapGet("/v1.0/healthz", () => Results.NoContent());
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        app.MapPost("/dapr.proto.runtime.v1.Dapr/GetSecret", async context =>
        {
            var request = GetSecretRequest.Parser.ParseFrom(await ReadGrpcMessageAsync(context.Request));
            sidecar.SecretRequests.Enqueue($"{request.StoreName}/{request.Key}");
            context.Response.ContentType = "application/grpc";
            if (!stores.TryGetValue(request.StoreName, out var store))
            {
                // What daprd answers for a store it does not have.
                await WriteStatusAsync(context.Response, 3, $"secret store {request.StoreName} not found");
                return;
            }
            if (!store.TryGetValue(request.Key, out var values))
            {
                await WriteStatusAsync(context.Response, 2, $"failed getting secret with key {request.Key} from secret store {request.StoreName}: secrets \"{request.Key}\" not found");
                return;
            }
            var response = new GetSecretResponse();
            response.Data.Add(values.ToDictionary());
            await WriteGrpcMessageAsync(context.Response, response.ToByteArray());
            await WriteStatusAsync(context.Response, 0, null);
        });
        app.MapPost("/dapr.proto.runtime.v1.Dapr/InvokeBinding", async context =>
        {
            var request = InvokeBindingRequest.Parser.ParseFrom(await ReadGrpcMessageAsync(context.Request));
            sidecar.BindingCalls.Enqueue(new BindingCall(request.Name, request.Operation, request.Data.ToStringUtf8(), request.Metadata.ToDictionary()));
            context.Response.ContentType = "application/grpc";
            if (sidecar.BindingFailure != 0)
            {
                await WriteStatusAsync(context.Response, sidecar.BindingFailure, $"error invoking output binding {request.Name}");
                return;
            }
            await WriteGrpcMessageAsync(context.Response, new InvokeBindingResponse().ToByteArray());
            await WriteStatusAsync(context.Response, 0, null);
        });
        await app.StartAsync();
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>gRPC length-prefixed framing: 1 byte compressed flag, 4 bytes big-endian length, the message.</summary>
    private static async Task<byte[]> ReadGrpcMessageAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        return bytes.AsSpan(5, length).ToArray();
    }

    private static async Task WriteGrpcMessageAsync(HttpResponse response, byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), message.Length);
        message.CopyTo(frame, 5);
        await response.Body.WriteAsync(frame);
    }

    private static async Task WriteStatusAsync(HttpResponse response, int status, string? message)
    {
        await response.StartAsync();
        response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            response.AppendTrailer("grpc-message", Uri.EscapeDataString(message));
        }
    }
}
