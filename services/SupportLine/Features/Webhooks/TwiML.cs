using Twilio.TwiML;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>TwiML answers (twilio.md §1): always a body and <c>text/xml</c>, never an empty 200 (which Twilio counts as error 11200).</summary>
public static class TwiML
{
    public static IResult Empty() => Results.Content(new MessagingResponse().ToString(), "text/xml; charset=utf-8");

    public static IResult Reply(string text)
    {
        var response = new MessagingResponse();
        response.Message(text);
        return Results.Content(response.ToString(), "text/xml; charset=utf-8");
    }
}
