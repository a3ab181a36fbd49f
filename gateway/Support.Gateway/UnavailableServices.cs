using System.Globalization;

namespace Support.Gateway;

/// <summary>
/// A service that is down or restarting (killed, being deployed, not ready) is answered 503 with Retry-After and a
/// ProblemDetails body naming the service, instead of YARP's bare 502: the caller, and the web app, learn that trying
/// again shortly is the answer (issue 17, faults). A destination that took too long stays 504, with a body. A client
/// that went away, or that sent a broken body, is answered as YARP decided.
/// </summary>
public static class UnavailableServices
{
    public const int RetryAfterSeconds = 5;

    public static void AnswerUnavailableServicesWithProblems(this IReverseProxyApplicationBuilder proxy) =>
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is null || context.Response.HasStarted)
            {
                return;
            }
            var service = context.GetReverseProxyFeature().Cluster?.Config.ClusterId ?? "the service";
            switch (context.Response.StatusCode)
            {
                case StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable:
                    context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    await TypedResults.Problem(
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: $"The {service} service is not answering just now.",
                        detail: "Try again after the number of seconds in Retry-After. A write sent with an Idempotency-Key is safe to send again.")
                        .ExecuteAsync(context);
                    break;
                case StatusCodes.Status504GatewayTimeout:
                    await TypedResults.Problem(
                        statusCode: StatusCodes.Status504GatewayTimeout,
                        title: $"The {service} service did not answer in time.",
                        detail: "The request may or may not have been carried out. A write sent with an Idempotency-Key is safe to send again.")
                        .ExecuteAsync(context);
                    break;
            }
        });
}
