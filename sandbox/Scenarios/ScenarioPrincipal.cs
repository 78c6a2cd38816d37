using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>An IAM user (type "user", the default) or role (type "role") in an account.</summary>
public sealed record ScenarioPrincipal
{
    public string Name { get; init; } = "";
    /// <summary>Account id or name; the management account when absent.</summary>
    public string? Account { get; init; }
    public string Type { get; init; } = "user";
    public string Path { get; init; } = "/";
    /// <summary>When it was created, relative to start ("-400d").</summary>
    public string Created { get; init; } = "-30d";
    public IReadOnlyList<ScenarioAccessKey> AccessKeys { get; init; } = [];
    /// <summary>Managed policy ARNs to attach (AWS-managed or from "policies").</summary>
    public IReadOnlyList<string> ManagedPolicies { get; init; } = [];
    public IReadOnlyDictionary<string, JsonObject> InlinePolicies { get; init; } = new Dictionary<string, JsonObject>();
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool LoginProfile { get; init; }
    /// <summary>Serial numbers (ARNs) of the user's MFA devices.</summary>
    public IReadOnlyList<string> MfaDevices { get; init; } = [];
    /// <summary>Roles: the trust policy; roles default to trusting their own account.</summary>
    public JsonObject? TrustPolicy { get; init; }
    public int MaxSessionDuration { get; init; } = 3600;
}
