using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;
using CredIr.Identification.Tests.Support;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.HuaweiCloud.Inputs;

/// <summary>The Huawei samples as the parser sees them, and edited copies of them.</summary>
internal static class HuaweiFindingInputs
{
    public const string LeakedAk = "HPUACIDEPLOYLEAKED01";

    // The scenario's SK: what a responder pastes by mistake, which no error may repeat.
    public const string Secret = "ciDeployerHuaweiLeakedSecret000000000001";

    private static readonly InputParser Parser = new(Options.Create(new IdentificationOptions { MaxInputBytes = 64 * 1024 }));

    public static ParsedInput Parse(string json) => Parser.Parse(new IdentificationInput { FindingJson = json });

    public static InputValidationException Rejected(string json) => Assert.Throws<InputValidationException>(() => Parse(json));

    public static JsonObject Sample(string name) => JsonNode.Parse(Samples.Read(name))!.AsObject();
}
