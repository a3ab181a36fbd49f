using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Support.ServiceDefaults.Auth;

namespace Support.ServiceDefaults.Health;

/// <summary>
/// Health as JSON: overall status and, per check, its status, description and data (e.g. outbox backlog). The checks
/// name the broker's address, queues and fault text, so they are shown only to a <c>PlatformOperator</c> token or a
/// caller on the internal network (<c>Health:DetailNetworks</c>, CIDRs separated by commas; loopback by default; the
/// gateway, the public edge, sets "none"). Anyone else gets the status alone.
/// </summary>
public static class HealthResponseWriter
{
    public const string DefaultDetailNetworks = "127.0.0.0/8,::1/128";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        object body = MayShowDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                    }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    public static bool MayShowDetails(HttpContext context)
    {
        if (context.User.IsInRole(Roles.PlatformOperator))
        {
            return true;
        }
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            // In process (a test server): there is no network to come from.
            return true;
        }
        if (peer.IsIPv4MappedToIPv6)
        {
            peer = peer.MapToIPv4();
        }
        var networks = context.RequestServices.GetRequiredService<IConfiguration>()["Health:DetailNetworks"] ?? DefaultDetailNetworks;
        foreach (var network in networks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(network, out var parsed) && parsed.Contains(peer))
            {
                return true;
            }
        }
        return false;
    }
}
