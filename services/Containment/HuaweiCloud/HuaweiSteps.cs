using System.Text.Json;

namespace CredIr.Containment.HuaweiCloud;

/// <summary>The Huawei Cloud containment steps: their action names, and the parameters a step carries.</summary>
internal static class HuaweiSteps
{
    /// <summary>IAM v3.0 <c>PUT /v3.0/OS-CREDENTIAL/credentials/{ak}</c> status inactive: the AK stops working, stays as evidence.</summary>
    public const string DeactivateAccessKey = "huawei-iam:UpdateCredential(inactive)";

    /// <summary>IAM v3.0 <c>PUT /v3.0/OS-USER/users/{id}</c> enabled false: every AK and the console of the user stop.</summary>
    public const string DisableUser = "huawei-iam:UpdateUser(disabled)";

    public const string AccessKeyType = "HuaweiCloud::IAM::Credential";

    public const string UserType = "HuaweiCloud::IAM::User";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Parameters(string userId, string? accessKeyId) =>
        JsonSerializer.Serialize(new StepParameters(userId, accessKeyId), Json);

    public static StepParameters? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<StepParameters>(json, Json) is { UserId.Length: > 0 } parsed ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record StepParameters(string UserId, string? AccessKeyId);
}
