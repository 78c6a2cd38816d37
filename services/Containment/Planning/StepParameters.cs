using System.Text.Json;
using System.Text.Json.Serialization;

namespace CredIr.Containment.Planning;

/// <summary>What the executor needs to carry out a step (PlanStep.parameters_json).</summary>
internal sealed record StepParameters
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string AccountId { get; init; } = string.Empty;

    public string? UserName { get; init; }

    public string? RoleName { get; init; }

    public string? AccessKeyId { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }

    public IReadOnlyList<string>? MfaDevices { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StepParameters? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StepParameters>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
