using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>One API call made, signed, to the sandbox itself at a virtual time.</summary>
public sealed record ScenarioStep
{
    /// <summary>Name other steps use to refer to what this one obtained ("$id"); "stepN" (1-based) also works.</summary>
    public string? Id { get; init; }
    /// <summary>When, relative to start: "-3h", "-2h55m", "-90s".</summary>
    public string At { get; init; } = "0s";
    /// <summary>A principal's name, "admin" / "admin@ACCOUNT", or "$step" for the credentials an earlier step obtained.</summary>
    public string As { get; init; } = "";
    public string Service { get; init; } = "";
    public string Action { get; init; } = "";
    /// <summary>The region the step signs for; the partition's home region (us-east-1 in aws) when unset.</summary>
    public string? Region { get; init; }
    public JsonObject Parameters { get; init; } = [];
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>Ground truth: the call is the actor's.</summary>
    public bool Actor { get; init; }
    /// <summary>The AWS error code the call is expected to fail with (e.g. a refused attempt); others stop the scenario.</summary>
    public string? ExpectError { get; init; }
    /// <summary>The access key id the sandbox issues for a credential this step creates (stable ground truth).</summary>
    public string? IssuedKeyId { get; init; }
}
