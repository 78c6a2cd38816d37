using System.Text.Json;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

/// <summary>One step as the executor needs it: where it acts (account, region), on what, with which parameter.</summary>
internal sealed record StepContext(PlanStep Step, CloudSession Cloud)
{
    public string? AccountId => NullIfEmpty(Step.Target?.AccountId) ?? AccountOfArn();

    public string? Region => NullIfEmpty(Step.Target?.Region);

    /// <summary>The target's own identifier (user or role name, key id, instance id, bucket, policy ARN...).</summary>
    public string Id => NullIfEmpty(Step.Target?.Id) ?? Step.Target?.Arn ?? "";

    public string Arn => NullIfEmpty(Step.Target?.Arn) ?? Id;

    /// <summary>The planner's one parameter (a policy ARN or name, a group, a role, a version id, a key's user).</summary>
    public string? Parameter { get; } = ParseParameter(Step.ParametersJson);

    public async Task<IamClient> IamAsync(CancellationToken ct) => (await Cloud.ScopeAsync(AccountId, null, ct)).Iam;

    public async Task<AwsScope> RegionalAsync(CancellationToken ct) => await Cloud.ScopeAsync(AccountId, Region, ct);

    public string RequireParameter() =>
        Parameter ?? throw new StepInputException($"step {Step.StepId} ({Step.Action}) has no parameter: the plan was changed after it was made; plan again.");

    private string? AccountOfArn() =>
        CredIr.Aws.Arn.TryParse(Step.Target?.Arn, out var arn) && arn.AccountId.Length > 0 ? arn.AccountId : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? ParseParameter(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
