using System.Text.Json;
using System.Text.Json.Serialization;

namespace Support.Messaging;

/// <summary>One JSON shape for the outbox payload and the bus: web defaults, enums as strings (never as numbers).</summary>
public static class MessagingJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
