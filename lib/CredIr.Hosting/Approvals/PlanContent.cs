using System.Security.Cryptography;
using CredIr.Contracts.V1;
using Google.Protobuf;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// What a plan or recovery item says it will do, as bytes: the content its service made, without what the
/// coordinator adds (ids, approval, credential ids, creation time) and what execution fills in (status, result,
/// prior state, time, seals). Protobuf's C# writer emits fields in number order, and these messages hold no
/// maps, so equal content gives equal bytes.
/// </summary>
public static class PlanContent
{
    /// <summary>SHA-256 of the plan's content: what an approval binds.</summary>
    public static byte[] Digest(Plan plan) => SHA256.HashData(Bytes(plan));

    /// <summary>SHA-256 of the items' content, in order: what an approval to execute them binds.</summary>
    public static byte[] Digest(IEnumerable<RecoveryItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in items)
        {
            hash.AppendData(SHA256.HashData(Bytes(item)));
        }

        return hash.GetHashAndReset();
    }

    internal static byte[] Bytes(Plan plan)
    {
        var content = plan.Clone();
        content.PlanId = string.Empty;
        content.ApprovalId = string.Empty;
        content.CreatedAt = null;
        content.CredentialIds.Clear();
        content.Seal = ByteString.Empty;
        foreach (var step in content.Steps)
        {
            ClearExecution(step);
        }

        return content.ToByteArray();
    }

    internal static byte[] Bytes(RecoveryItem item)
    {
        var content = item.Clone();
        content.Status = StepStatus.Unspecified;
        content.Seal = ByteString.Empty;
        foreach (var step in content.Steps)
        {
            ClearExecution(step);
        }

        return content.ToByteArray();
    }

    /// <summary>A step as executed, all of it but its own seal: what a rollback trusts.</summary>
    internal static byte[] ExecutedBytes(PlanStep step)
    {
        var content = step.Clone();
        content.Seal = ByteString.Empty;
        return content.ToByteArray();
    }

    private static void ClearExecution(PlanStep step)
    {
        step.Status = StepStatus.Unspecified;
        step.ResultMessage = string.Empty;
        step.PriorStateJson = string.Empty;
        step.ExecutedAt = null;
        step.RefusedReason = string.Empty;
        step.Seal = ByteString.Empty;
    }
}
