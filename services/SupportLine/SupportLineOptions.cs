namespace Support.SupportLine;

/// <summary>
/// Configuration section <c>Sms</c>. In production only the account SID, auth token, public URLs and sender number are
/// needed, from configuration or secrets (never the repository).
/// </summary>
public sealed class SupportLineOptions
{
    public const string Section = "Sms";

    /// <summary>
    /// <c>twilio</c> (REST API through the Twilio package, the default), <c>dapr</c> (the Dapr Twilio output binding, with
    /// its limits: see <see cref="Features.Outbound.DaprBindingSmsSender"/>), or <c>local</c> in development (texts stay in
    /// the line's outbox).
    /// </summary>
    public string Transport { get; set; } = "twilio";
    /// <summary>For <c>Transport=dapr</c>: the binding component and, when not the injected sidecar's, its endpoints.</summary>
    public DaprTransportOptions Dapr { get; set; } = new();
    public string AccountSid { get; set; } = "";
    /// <summary>The primary Auth Token: signs webhooks (twilio.md §2.7) and authenticates REST calls.</summary>
    public string AuthToken { get; set; } = "";
    /// <summary>Our UK long code (+44 7...): alphanumeric senders cannot receive replies (twilio.md §5).</summary>
    public string FromNumber { get; set; } = "";
    /// <summary>The exact public URL configured in Twilio for inbound texts; signatures are checked against it, never against Request.Host.</summary>
    public string InboundWebhookUrl { get; set; } = "";
    /// <summary>The exact public URL Twilio posts delivery status to (sent as StatusCallback).</summary>
    public string StatusCallbackUrl { get; set; } = "";
    /// <summary>The exact public URL Twilio posts a placed call's progress to (sent as the call's StatusCallback).</summary>
    public string CallStatusCallbackUrl { get; set; } = "";
    /// <summary>Twilio's API host; a local stand-in (development, tests) is reached by rewriting requests to it.</summary>
    public string? ApiBaseUrl { get; set; }
    /// <summary>Named only in replies to people who have not asked for discreet texts (SL-03).</summary>
    public string ServiceName { get; set; } = "the Rotherham support line";
    /// <summary>SL-02: a text not answered by a person within this time escalates to the duty manager, once.</summary>
    public TimeSpan UnansweredAfter { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// False: neither the dispatcher nor the escalation job runs on its own in this process. The service tests turn
    /// them off and run each pass themselves, so a pass never races the test that is checking it.
    /// </summary>
    public bool JobsEnabled { get; set; } = true;
    /// <summary>
    /// SL-03: a worker's reply within this time of the young person's own text goes at once, even outside their safe
    /// times (they have the phone in hand); later replies and other texts wait for the next safe time.
    /// </summary>
    public TimeSpan ReplyGraceAfterInbound { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>First back-off after Twilio's 429/20429; doubles with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxRetries { get; set; } = 4;
    public int MaxSendAttempts { get; set; } = 5;

    public bool IsValid() =>
        UnansweredAfter > TimeSpan.Zero && ReplyGraceAfterInbound >= TimeSpan.Zero && EscalationCheckInterval > TimeSpan.Zero && DispatchInterval > TimeSpan.Zero
        && MaxRetries >= 0 && MaxSendAttempts >= 1 && Transport is "twilio" or "local" or "dapr" && !string.IsNullOrWhiteSpace(Dapr.Binding);
}

/// <summary>Section <c>Sms:Dapr</c>.</summary>
public sealed class DaprTransportOptions
{
    /// <summary>The <c>bindings.twilio.sms</c> component's name (k8s/base/dapr/sms-binding.yaml).</summary>
    public string Binding { get; set; } = "sms";
    /// <summary>By default the sidecar's (<c>DAPR_GRPC_PORT</c>, set by the injector).</summary>
    public string? GrpcEndpoint { get; set; }
    public string? HttpEndpoint { get; set; }
}
