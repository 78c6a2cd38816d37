using System.Text.Json.Serialization;

namespace CredIr.Incidents.Evidence;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EvidenceChangePayload))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
