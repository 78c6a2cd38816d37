using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox;

/// <summary>How to start a sandbox.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>A scenario file (sandbox/scenarios/*.json). Ignored when <see cref="Scenario"/> is set.</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>A scenario already parsed. With neither, a one-account organization with no history.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>A Huawei Cloud scenario file (sandbox/scenarios/huawei-*.json): serves Huawei IAM and CTS under /huawei.</summary>
    public string? HuaweiScenarioPath { get; init; }

    /// <summary>A Huawei Cloud scenario already parsed. Ignored when <see cref="HuaweiScenarioPath"/> is set.</summary>
    public Huawei.HuaweiScenario? HuaweiScenario { get; init; }

    /// <summary>The real clock underneath the sandbox clock (a fake one in tests).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Regions when the scenario names none.</summary>
    public IReadOnlyList<string> DefaultRegions { get; init; } =
        ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1"];
}
