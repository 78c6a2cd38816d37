using System.Security.Cryptography;
using CredIr.Contracts.V1;
using Google.Protobuf;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// A planning service's mark on what it made: an HMAC over the content with a key derived for that service.
/// The service executes only content bearing its own mark, so a plan written or edited by anyone else is refused.
/// </summary>
public sealed class PlanSeals(ApprovalKeys keys)
{
    public async Task SealAsync(string service, Plan plan, CancellationToken cancellationToken) =>
        plan.Seal = ByteString.CopyFrom(await MacAsync(service, "plan", PlanContent.Bytes(plan), cancellationToken).ConfigureAwait(false));

    public async Task SealAsync(string service, RecoveryItem item, CancellationToken cancellationToken) =>
        item.Seal = ByteString.CopyFrom(await MacAsync(service, "item", PlanContent.Bytes(item), cancellationToken).ConfigureAwait(false));

    public async Task SealExecutedAsync(string service, PlanStep step, CancellationToken cancellationToken) =>
        step.Seal = ByteString.CopyFrom(await MacAsync(service, "step", PlanContent.ExecutedBytes(step), cancellationToken).ConfigureAwait(false));

    public async Task<bool> IsSealedAsync(string service, Plan plan, CancellationToken cancellationToken) =>
        Same(plan.Seal, await MacAsync(service, "plan", PlanContent.Bytes(plan), cancellationToken).ConfigureAwait(false));

    public async Task<bool> IsSealedAsync(string service, RecoveryItem item, CancellationToken cancellationToken) =>
        Same(item.Seal, await MacAsync(service, "item", PlanContent.Bytes(item), cancellationToken).ConfigureAwait(false));

    public async Task<bool> IsSealedExecutedAsync(string service, PlanStep step, CancellationToken cancellationToken) =>
        Same(step.Seal, await MacAsync(service, "step", PlanContent.ExecutedBytes(step), cancellationToken).ConfigureAwait(false));

    private static bool Same(ByteString seal, byte[] expected) =>
        seal.Length == expected.Length && CryptographicOperations.FixedTimeEquals(seal.Span, expected);

    private async Task<byte[]> MacAsync(string service, string kind, byte[] content, CancellationToken cancellationToken)
    {
        var key = await keys.DeriveAsync("seal/" + service, cancellationToken).ConfigureAwait(false);
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        mac.AppendData(System.Text.Encoding.UTF8.GetBytes(kind + "\n"));
        mac.AppendData(content);
        return mac.GetHashAndReset();
    }
}
