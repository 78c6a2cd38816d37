using CredIr.Contracts.V1;

namespace CredIr.Cli.Playbook;

/// <summary>Asks the responder at the terminal to approve a plan, after showing what it changes and whom it affects.</summary>
internal static class ApprovalPrompt
{
    public static bool Ask(Plan plan, Approval approval)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"plan {plan.PlanId} ({plan.Steps.Count} steps) needs approval {approval.ApprovalId}:");
        foreach (var step in plan.Steps)
        {
            output.WriteLine($"  - {step.Action} {step.Target?.Arn ?? step.Target?.Id}: {step.Description}");
        }

        foreach (var warning in plan.BlastRadius?.Warnings ?? Enumerable.Empty<string>())
        {
            output.WriteLine($"  ! {warning}");
        }

        foreach (var principal in plan.BlastRadius?.AffectedPrincipals ?? Enumerable.Empty<string>())
        {
            output.WriteLine($"  affects {principal}");
        }

        foreach (var reason in plan.CannotRevoke)
        {
            output.WriteLine($"  cannot revoke: {reason}");
        }

        output.Write("Approve? [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
