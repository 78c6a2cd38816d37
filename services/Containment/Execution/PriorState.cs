using System.Text.Json;
using System.Text.Json.Serialization;

namespace CredIr.Containment.Execution;

/// <summary>
/// A resource's state before containment changed it (PlanStep.prior_state_json): a key's status,
/// whether a login profile or inline policy existed (and its create date or document), a trust policy.
/// </summary>
internal sealed record PriorState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Resource { get; init; }

    public string? Status { get; init; }

    public bool? Exists { get; init; }

    public DateTimeOffset? CreateDate { get; init; }

    public bool? PasswordResetRequired { get; init; }

    public string? Document { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PriorState? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PriorState>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
