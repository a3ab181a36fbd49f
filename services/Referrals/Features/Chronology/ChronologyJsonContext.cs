using System.Text.Json;
using System.Text.Json.Serialization;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// Compile-time JSON for the chronology, the largest response the platform sends (about 700 bytes an entry, 1.4 MB
/// for 2,000 entries). The options are the HTTP defaults (web casing, enums as names), so the JSON is the same as
/// every other response, but written by generated code rather than by reflection: part of keeping a 2,000-entry read
/// within its 100 ms budget (REC-02, docs/benchmarks.md).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GetChronology.Response))]
internal sealed partial class ChronologyJsonContext : JsonSerializerContext;
