using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// A Huawei Cloud game-day scenario: one account (domain) with its regions' projects, IAM users and their
/// AK/SKs, agencies, custom policies, and the steps (signed IAM/CTS calls) that make its CTS history.
/// </summary>
public sealed record HuaweiScenario
{
    public string Name { get; init; } = "huawei-scenario";
    public string? Description { get; init; }
    /// <summary>Seeds every id the emulation makes, so a scenario replays identically.</summary>
    public int Seed { get; init; } = 1;
    public HuaweiScenarioDomain Domain { get; init; } = new();
    /// <summary>Regions with a project each; IAM (a global service) records its traces in the first.</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["cn-north-4"];
    public IReadOnlyList<HuaweiScenarioUser> Users { get; init; } = [];
    public IReadOnlyList<HuaweiScenarioAgency> Agencies { get; init; } = [];
    public IReadOnlyList<HuaweiScenarioPolicy> Policies { get; init; } = [];
    public IReadOnlyList<HuaweiScenarioStep> Steps { get; init; } = [];
    /// <summary>What a responder should find: free-form, for tests and humans.</summary>
    public JsonObject? GroundTruth { get; init; }
}

public sealed record HuaweiScenarioDomain
{
    /// <summary>32 lower-case hex digits, as Huawei's account ids; generated when absent.</summary>
    public string? Id { get; init; }
    public string Name { get; init; } = "sandbox-domain";
}

public sealed record HuaweiScenarioUser
{
    public required string Name { get; init; }
    public string? Id { get; init; }
    public bool Enabled { get; init; } = true;
    public string? Description { get; init; }
    /// <summary>Relative to the scenario start, e.g. -200d.</summary>
    public string Created { get; init; } = "-30d";
    /// <summary>Custom policies (by name) attached to the user.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];
    public IReadOnlyList<HuaweiScenarioAccessKey> AccessKeys { get; init; } = [];
}

public sealed record HuaweiScenarioAccessKey
{
    /// <summary>20 upper-case letters and digits, as Huawei's AKs.</summary>
    public required string Id { get; init; }
    public required string Secret { get; init; }
    /// <summary>active or inactive.</summary>
    public string Status { get; init; } = "active";
    public string Created { get; init; } = "-30d";
    public string? Description { get; init; }

    public override string ToString() => $"HuaweiScenarioAccessKey {{ Id = {Id}, Status = {Status} }}";
}

public sealed record HuaweiScenarioAgency
{
    public required string Name { get; init; }
    /// <summary>The account whose users may assume it; this account when absent.</summary>
    public string? TrustDomain { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Policies { get; init; } = [];
}

public sealed record HuaweiScenarioPolicy
{
    public required string Name { get; init; }
    public string? Id { get; init; }
    public string? Description { get; init; }
    /// <summary>The policy document (Huawei's "Version": "1.1" syntax).</summary>
    public required JsonObject Policy { get; init; }
}

/// <summary>
/// One signed call. Path and body may name things the scenario makes: {domain}, {user:NAME}, {project:REGION},
/// {policy:NAME}, resolved when the step runs.
/// </summary>
public sealed record HuaweiScenarioStep
{
    public string? Id { get; init; }
    /// <summary>Relative to the scenario start (-2h35m).</summary>
    public required string At { get; init; }
    /// <summary>A user (its first active AK) or $step-id (the AK/SK an earlier step created or obtained).</summary>
    public required string As { get; init; }
    /// <summary>iam or cts.</summary>
    public required string Service { get; init; }
    /// <summary>For cts: the region; iam is global.</summary>
    public string? Region { get; init; }
    public string Method { get; init; } = "GET";
    /// <summary>The API path with its query, e.g. /v3.0/OS-USER/users.</summary>
    public required string Path { get; init; }
    public JsonObject? Body { get; init; }
    /// <summary>The AK id a credential-creating step is given (so ground truth can name it).</summary>
    public string? IssuedKeyId { get; init; }
    /// <summary>The error_code the step must fail with.</summary>
    public string? ExpectError { get; init; }
    public bool Actor { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
}
