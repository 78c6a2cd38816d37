using System.Text.Json.Nodes;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Authorization;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Hosting;

/// <summary>One authenticated request on its way through a service, and what CloudTrail will say about it.</summary>
internal sealed class SandboxCall
{
    public required ServiceModel Service { get; init; }
    public required string Operation { get; init; }
    public required string Region { get; init; }
    public required Caller Caller { get; init; }
    public required Account Account { get; init; }
    public required SandboxState State { get; init; }
    public required AccessAuthorizer Authorizer { get; init; }
    public required string RequestId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string Method { get; init; }
    /// <summary>Decoded path segments (REST protocols).</summary>
    public required IReadOnlyList<string> Segments { get; init; }
    public required IReadOnlyDictionary<string, string> QueryString { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }
    public required string SourceIp { get; init; }
    public required string UserAgent { get; init; }
    public QueryParams Form { get; init; } = new(new Dictionary<string, string>());
    public JsonObject Json { get; init; } = [];

    // What the recorder writes; operations fill these as AWS does.
    public JsonNode? RequestParameters { get; set; }
    public JsonNode? ResponseElements { get; set; }
    public List<(string Type, string Arn)> Resources { get; } = [];
    public bool? ReadOnly { get; set; }
    public bool DataEvent { get; set; }
    public JsonObject? AdditionalEventData { get; set; }
    /// <summary>Other accounts that also get this event (the role's account for a cross-account AssumeRole).</summary>
    public List<string> AlsoRecordIn { get; } = [];

    /// <summary>Asks the policy evaluator; throws the service's AccessDenied when the caller may not.</summary>
    public void Authorize(string action, string resource)
    {
        var result = Authorizer.Decide(Caller, action, resource, SourceIp, Region);
        if (!result.IsAllowed)
        {
            throw AccessDenied.For(Service, Caller, action, resource, result);
        }
    }

    /// <summary>
    /// Like <see cref="Authorize(string, string)"/> for a resource with a resource-based policy (an S3 bucket policy)
    /// owned by <paramref name="resourceAccountId"/>: its Deny binds everyone, its Allow can grant other accounts.
    /// </summary>
    public void Authorize(string action, string resource, string? resourcePolicy, string resourceAccountId)
    {
        var request = Authorizer.Request(Caller, action, resource, SourceIp, Region) with
        {
            ResourcePolicy = resourcePolicy is null ? null : Authorizer.Parse("bucket policy", resourcePolicy, PolicyDocumentKind.Resource),
            ResourceAccountId = resourceAccountId,
        };
        var result = PolicyEvaluator.Evaluate(request);
        if (!result.IsAllowed)
        {
            throw AccessDenied.For(Service, Caller, action, resource, result);
        }
    }

    public string Arn(string service, string resource, bool global = false) =>
        $"arn:{Account.Partition}:{service}:{(global ? "" : Region)}:{Account.Id}:{resource}";
}
