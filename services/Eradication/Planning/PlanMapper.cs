using System.Security.Cryptography;
using System.Text;
using CredIr.Contracts.V1;
using CredIr.Eradication.Scanning;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Eradication.Planning;

/// <summary>Maps planned steps to the wire's Plan, with a plan id derived from its steps (the same plan twice has one id).</summary>
internal static class PlanMapper
{
    public static Plan ToWire(IReadOnlyList<PlannedStep> steps, DateTimeOffset createdAt)
    {
        var plan = new Plan
        {
            PlanId = "erad-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', steps.Select(s => s.Id)))))[..16],
            Kind = PlanKind.Eradication,
            CreatedAt = Timestamp.FromDateTimeOffset(createdAt),
        };
        foreach (var step in steps)
        {
            var wire = new PlanStep
            {
                StepId = step.Id,
                Action = step.Action,
                Target = ScanUpdateMapper.ToWire(step.Target),
                Description = step.Description,
                Reversible = step.Reversible,
                Status = step.Manual ? StepStatus.Manual : StepStatus.Planned,
                AccessKeyId = step.Target.Type == "AWS::IAM::AccessKey" ? step.Target.Id : "",
                ParametersJson = step.Parameter is null ? "" : System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["value"] = step.Parameter }),
            };
            wire.DependsOn.AddRange(step.DependsOn);
            plan.Steps.Add(wire);
        }

        return plan;
    }
}
