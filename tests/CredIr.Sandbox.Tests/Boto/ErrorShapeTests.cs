using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class ErrorShapeTests(ErrorShapeFixture fixture) : IClassFixture<ErrorShapeFixture>
{
    [Theory]
    [InlineData("iam", "NoSuchEntity", 404)]
    [InlineData("iamDenied", "AccessDenied", 403)]
    [InlineData("iamMalformed", "MalformedPolicyDocument", 400)]
    [InlineData("iamUnknownKey", "InvalidClientTokenId", 403)]
    [InlineData("stsUnknownKey", "InvalidClientTokenId", 403)]
    [InlineData("ec2", "InvalidInstanceID.NotFound", 400)]
    [InlineData("ec2Denied", "UnauthorizedOperation", 403)]
    [InlineData("ec2UnknownKey", "AuthFailure", 401)]
    [InlineData("cloudtrail", "TrailNotFoundException", 400)]
    [InlineData("cloudtrailDenied", "AccessDeniedException", 400)]
    [InlineData("cloudtrailUnknownKey", "UnrecognizedClientException", 400)]
    [InlineData("organizations5xx", "InternalFailure", 500)]
    [InlineData("lambda", "ResourceNotFoundException", 404)]
    [InlineData("lambdaUnknownKey", "UnrecognizedClientException", 403)]
    [InlineData("guarddutyThrottled", "TooManyRequestsException", 429)]
    [InlineData("s3NoSuchBucket", "NoSuchBucket", 404)]
    [InlineData("s3NoSuchKey", "NoSuchKey", 404)]
    [InlineData("s3Owned", "BucketAlreadyOwnedByYou", 409)]
    [InlineData("s3Denied", "AccessDenied", 403)]
    [InlineData("s3UnknownKey", "InvalidAccessKeyId", 403)]
    [InlineData("s3BadSignature", "SignatureDoesNotMatch", 403)]
    public void Error_ParsedByBotocore_HasTheServicesCodeAndStatus(string check, string code, int status)
    {
        var error = fixture.Result.GetProperty(check);

        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(status, error.GetProperty("status").GetInt32());
    }

    [Fact]
    public void AccessDenied_InEachProtocol_UsesAwsWording()
    {
        var user = $"arn:aws:iam::{fixture.AccountId}:user/alice";
        Assert.Equal($"User: {user} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::{fixture.AccountId}:user/mallory because no identity-based policy allows the iam:CreateUser action",
            fixture.Result.GetProperty("iamDenied").GetProperty("message").GetString());
        Assert.Equal($"User: {user} is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::errors-bucket/x\" because no identity-based policy allows the s3:PutObject action",
            fixture.Result.GetProperty("s3Denied").GetProperty("message").GetString());
        Assert.StartsWith($"You are not authorized to perform this operation. User: {user} is not authorized to perform: ec2:RunInstances",
            fixture.Result.GetProperty("ec2Denied").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
