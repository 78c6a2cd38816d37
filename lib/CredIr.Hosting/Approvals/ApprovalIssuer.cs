using System.Security.Cryptography;
using CredIr.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// The coordinator's side: for a granted approval, a token for one call that executes exactly this content
/// (<see cref="PlanContent"/>) of this incident on this method, signed with the coordinator's ECDSA P-256 key,
/// short-lived and with its own id.
/// A retry (after a crash) gets a new token; a captured token is good for nothing once used.
/// </summary>
public sealed class ApprovalIssuer(ApprovalKeys keys, IOptions<ApprovalOptions> options, TimeProvider time)
{
    public async Task<ApprovalToken> IssueAsync(string incidentId, Approval approval, string method, byte[] contentDigest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = new ApprovalToken
        {
            ApprovalId = approval.ApprovalId,
            PlanId = approval.PlanId,
            ApprovedBy = approval.DecidedBy,
            ApprovedAt = approval.DecidedAt,
            IncidentId = incidentId,
            ContentDigest = ByteString.CopyFrom(contentDigest),
            ExpiresAt = Timestamp.FromDateTimeOffset(now + options.Value.TokenLifetime),
            TokenId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Method = method,
        };
        token.Signature = ByteString.CopyFrom(await SignatureAsync(keys, token, cancellationToken).ConfigureAwait(false));
        return token;
    }

    internal static async Task<byte[]> SignatureAsync(ApprovalKeys keys, ApprovalToken token, CancellationToken cancellationToken) =>
        await keys.SignAsync(SignedBytes(token), cancellationToken).ConfigureAwait(false);

    /// <summary>What the signature covers: the token without its signature, under a label no other signed thing uses.</summary>
    internal static byte[] SignedBytes(ApprovalToken token)
    {
        var unsigned = token.Clone();
        unsigned.Signature = ByteString.Empty;
        return [.. "credir/v1/approval-token\n"u8, .. unsigned.ToByteArray()];
    }
}
