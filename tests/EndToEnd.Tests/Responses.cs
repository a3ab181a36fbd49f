namespace Support.EndToEnd.Tests;

/// <summary>Success assertions that put the answer's body in the failure message, so a 400 says which field.</summary>
internal static class Responses
{
    /// <summary>The response, asserted successful, with its body in the message when it is not.</summary>
    public static async Task<HttpResponseMessage> SucceededAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.AbsolutePath}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static async Task Succeeded(this HttpResponseMessage response)
    {
        using (response)
        {
            await response.SucceededAsync();
        }
    }
}
