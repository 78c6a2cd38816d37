using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.S3;

/// <summary>PutBucketPolicy / GetBucketPolicy / DeleteBucketPolicy: management events; the stored policy is evaluated on every bucket access.</summary>
internal static class S3BucketPolicy
{
    public static ServiceResult Handle(SandboxCall call, string bucketName)
    {
        var parameters = (JsonObject)call.RequestParameters!;
        parameters["policy"] = "";
        return call.Operation switch
        {
            "PutBucketPolicy" => Put(call, bucketName, parameters),
            "GetBucketPolicy" => S3Service.Authorized(call, "s3:GetBucketPolicy", bucketName, _ => OwnedBy(call, bucketName).Policy is { } policy
                ? new ServiceResult { Raw = Encoding.UTF8.GetBytes(policy), ContentType = "application/json" }
                : throw new AwsServiceException("NoSuchBucketPolicy", "The bucket policy does not exist", 404)),
            _ => S3Service.Authorized(call, "s3:DeleteBucketPolicy", bucketName, _ =>
            {
                OwnedBy(call, bucketName).Policy = null;
                return new ServiceResult { Status = 204 };
            }),
        };
    }

    private static ServiceResult Put(SandboxCall call, string bucketName, JsonObject parameters)
    {
        var text = Encoding.UTF8.GetString(call.Body);
        try
        {
            // CloudTrail records the policy itself under bucketPolicy.
            parameters["bucketPolicy"] = JsonNode.Parse(text);
            NamedPolicy.Parse("bucket policy", text, PolicyDocumentKind.Resource);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or MalformedPolicyDocumentException)
        {
            throw new AwsServiceException("MalformedPolicy", e is MalformedPolicyDocumentException ? e.Message : "Policies must be valid JSON and the first byte must be '{'");
        }

        return S3Service.Authorized(call, "s3:PutBucketPolicy", bucketName, _ =>
        {
            OwnedBy(call, bucketName).Policy = text;
            return new ServiceResult { Status = 204 };
        });
    }

    /// <summary>
    /// A bucket policy is the owner's alone: another account's identity, even one the policy lets in, gets
    /// 405 MethodNotAllowed, as the S3 API reference documents for the *BucketPolicy operations.
    /// </summary>
    private static Model.S3Bucket OwnedBy(SandboxCall call, string bucketName) =>
        call.Account.Buckets.GetValueOrDefault(bucketName)
        ?? throw new AwsServiceException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
}
