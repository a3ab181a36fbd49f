using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Support.ServiceDefaults.Problems;

/// <summary>
/// Turns exceptions into ProblemDetails. A body that cannot be read (malformed JSON, an unknown enum value, a date
/// in the wrong format) is the client's mistake: 400 naming the field, never a 500. Anything else is a 500 whose
/// body says nothing about the exception (no personal data or internals leak).
/// </summary>
internal sealed partial class SupportExceptionHandler(IProblemDetailsService problems, ILogger<SupportExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            var field = FindJsonField(badRequest);
            var errors = new Dictionary<string, string[]>
            {
                [field ?? "body"] = [field is null ? "The request body could not be read." : Explain(badRequest)],
            };
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(errors)
                {
                    Status = badRequest.StatusCode,
                    Title = "The request is not valid.",
                    Detail = field is null ? "The request body could not be read." : $"The field '{field}' has a value that could not be read.",
                },
                Exception = exception,
            });
        }

        if (exception is Access.RecordAccessRefusedException)
        {
            // Already in the access log as a refusal; the caller learns why, and how to ask (a grant), nothing more.
            httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "No information-sharing relationship to this young person.",
                    Detail = "The information-sharing protocol gives your role access only to young people you are related to "
                        + "(a placement, a school, a referral you made, or a grant). A social worker or manager can record a grant.",
                    Extensions = { ["refusedBy"] = Access.RecordAccessRefusedException.RefusedBy },
                },
            });
        }

        if (Data.DatabaseUnavailable.Is(exception))
        {
            // Not the caller's fault and not a bug: PostgreSQL is restarting, unreachable or out of disk. The caller is
            // asked to come back; a write sent with an Idempotency-Key is safe to send again.
            LogDatabaseUnavailable(logger, Data.DatabaseUnavailable.Reason(exception), httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = Data.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The record store is not available just now.",
                    Detail = "Try again after the number of seconds in Retry-After. The request may not have been saved: "
                        + "send it again with the same Idempotency-Key where the endpoint takes one.",
                },
            });
        }

        // The exception type only: messages can carry personal data from the request.
        LogUnhandled(logger, exception.GetType().FullName ?? "unknown", (exception as Npgsql.PostgresException)?.SqlState ?? "-", httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 500, Title = "An unexpected error occurred." },
        });
    }

    /// <summary>
    /// System.Text.Json reports the failing member as a JSON path such as <c>$.dateOfBirth</c>; route and query binding
    /// failures name the parameter in the message (<c>Failed to bind parameter "bool? overdue" from "abc".</c>).
    /// </summary>
    private static string? FindJsonField(Exception exception)
    {
        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            return bind.Groups["name"].Value;
        }
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { Length: > 0 } path })
            {
                var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
                return trimmed.Length == 0 ? null : trimmed;
            }
        }
        return null;
    }

    /// <summary>Why a field was refused, in words that never quote the value (it may be personal data).</summary>
    private static string Explain(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Input.InputRefusedException refused:
                    return refused.Message;
                case JsonException json when json.Message.Contains("could not be mapped", StringComparison.Ordinal):
                    return "This field is not part of the request.";
            }
        }
        return Input.InputRules.UnreadableValueMessage;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>\w+)" from""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not serve {Path} ({Reason}); answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} (SQLSTATE {SqlState}) while serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string sqlState, string path);
}
