using System.Text;
using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Key pairs (CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair) and deleting security groups.</summary>
public sealed partial class Ec2Client
{
    /// <summary>Creates a key pair; the response carries the private key, which EC2 never shows again.</summary>
    public async Task<CreateKeyPairResponse> CreateKeyPairAsync(CreateKeyPairRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("CreateKeyPair", Version).Add("KeyName", request.KeyName).Add("KeyType", request.KeyType);
        AddTagSpecification(query, "key-pair", request.Tags);
        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new CreateKeyPairResponse(KeyPair(root), root.Required("keyMaterial"), requestId);
    }

    /// <summary>Registers a public key the caller holds the private half of.</summary>
    public async Task<ImportKeyPairResponse> ImportKeyPairAsync(ImportKeyPairRequest request, CancellationToken cancellationToken = default)
    {
        // PublicKeyMaterial is a blob: the query protocol sends it base64-encoded.
        var query = new QueryRequest("ImportKeyPair", Version)
            .Add("KeyName", request.KeyName)
            .Add("PublicKeyMaterial", Convert.ToBase64String(Encoding.ASCII.GetBytes(request.PublicKeyMaterial)));
        AddTagSpecification(query, "key-pair", request.Tags);
        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new ImportKeyPairResponse(KeyPair(root), requestId);
    }

    /// <summary>The region's key pairs, or the ones named (InvalidKeyPair.NotFound when one of them does not exist).</summary>
    public async Task<IReadOnlyList<Ec2KeyPair>> DescribeKeyPairsAsync(DescribeKeyPairsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new DescribeKeyPairsRequest();
        var query = new QueryRequest("DescribeKeyPairs", Version).AddList("KeyName", request.KeyNames).AddList("KeyPairId", request.KeyPairIds);
        if (request.IncludePublicKey)
        {
            query.Add("IncludePublicKey", true);
        }

        var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return root.Items("keySet").Select(KeyPair).ToList();
    }

    /// <summary>Deletes a key pair by name; instances launched with it keep their authorized key.</summary>
    public async Task<AwsResult> DeleteKeyPairAsync(DeleteKeyPairRequest request, CancellationToken cancellationToken = default)
    {
        var (_, requestId) = await SendAsync(new QueryRequest("DeleteKeyPair", Version).Add("KeyName", request.KeyName), cancellationToken).ConfigureAwait(false);
        return new AwsResult(requestId);
    }

    /// <summary>Deletes a security group (DependencyViolation while something still uses it, InvalidGroup.NotFound when it is gone).</summary>
    public async Task<AwsResult> DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken = default)
    {
        var (_, requestId) = await SendAsync(new QueryRequest("DeleteSecurityGroup", Version).Add("GroupId", request.GroupId), cancellationToken).ConfigureAwait(false);
        return new AwsResult(requestId);
    }

    private static Ec2KeyPair KeyPair(XElement e) => new(
        e.Required("keyPairId"), e.Required("keyName"), e.Str("keyFingerprint"), e.Str("keyType"), e.Time("createTime"), e.Str("publicKey"), Tags(e));
}
