using System.Text.Json;
using System.Text.Json.Serialization;

namespace CredIr.Eradication.Execution;

/// <summary>
/// What a step found before changing anything (PlanStep.prior_state_json): the resource, whether it existed,
/// and the details a person would need to recreate it (a policy document, a key's status, an instance's type and tags).
/// </summary>
internal sealed record PriorState(string Resource, bool Existed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyDictionary<string, string?>? Details { get; init; }

    public static PriorState Absent(string resource) => new(resource, false);

    public static PriorState Present(string resource, params (string Key, string? Value)[] details) =>
        new(resource, true) { Details = details.Length == 0 ? null : details.ToDictionary(static d => d.Key, static d => d.Value, StringComparer.Ordinal) };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
