using System.Net;
using System.Net.Sockets;
using Support.Testing.Twilio;

namespace Support.EndToEnd.Tests;

/// <summary>
/// Texts to the support line as Twilio sends them: signed, through the gateway. Each caller posts from its own loopback
/// address, as Twilio's servers would come from theirs, so the gateway's per-address webhook limit (a handful a minute
/// in this platform) is not shared between tests.
/// </summary>
internal static class SupportLineTexts
{
    public const string SmsPath = "/api/supportline/webhooks/twilio/sms";

    public static HttpClient TwilioClient(this Platform platform, byte lastOctet)
    {
        var local = new IPEndPoint(new IPAddress([127, 0, 0, lastOctet]), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<HttpResponseMessage> TextAsync(this Platform platform, HttpClient twilio, string from, string body)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["SmsMessageSid"] = sid, ["AccountSid"] = Platform.TwilioAccountSid, ["From"] = from,
            ["To"] = Platform.SupportLineNumber, ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1", ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01", ["FromCountry"] = "GB", ["ToCountry"] = "GB",
        };
        return await twilio.SendAsync(TwilioSigner.Request(SmsPath, Platform.TwilioAuthToken, platform.SmsInboundUrl, form));
    }
}
