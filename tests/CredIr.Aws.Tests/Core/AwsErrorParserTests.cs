using System.Net;
using System.Text;

namespace CredIr.Aws.Tests.Core;

public sealed class AwsErrorParserTests
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void QueryProtocolError_IamShape_ReadsCodeMessageAndRequestId()
    {
        const string body = """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name bob cannot be found.</Message></Error>
              <RequestId>4c1e7b1b-0000-4000-8000-000000000001</RequestId>
            </ErrorResponse>
            """;

        var (code, message, requestId) = AwsErrorParser.Parse(HttpStatusCode.NotFound, NoHeaders, Encoding.UTF8.GetBytes(body));

        Assert.Equal("NoSuchEntity", code);
        Assert.Equal("The user with name bob cannot be found.", message);
        Assert.Equal("4c1e7b1b-0000-4000-8000-000000000001", requestId);
    }

    [Fact]
    public void Ec2Error_ResponseErrorsShape_ReadsRequestIdInCapitals()
    {
        const string body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>ec2-req-1</RequestID></Response>";

        var (code, _, requestId) = AwsErrorParser.Parse(HttpStatusCode.ServiceUnavailable, NoHeaders, Encoding.UTF8.GetBytes(body));

        Assert.Equal("RequestLimitExceeded", code);
        Assert.Equal("ec2-req-1", requestId);
    }

    [Fact]
    public void Json11Error_QualifiedType_StripsTheNamespace()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-RequestId"] = "ct-req-1" };
        var body = """{"__type":"com.amazonaws.cloudtrail.v20131101#ThrottlingException","message":"Rate exceeded"}""";

        var (code, message, requestId) = AwsErrorParser.Parse(HttpStatusCode.BadRequest, headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal("ThrottlingException", code);
        Assert.Equal("Rate exceeded", message);
        Assert.Equal("ct-req-1", requestId);
    }

    [Fact]
    public void RestJsonError_ErrorTypeHeaderOnly_ReadsTheHeader()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/coral/" };

        var (code, _, _) = AwsErrorParser.Parse(HttpStatusCode.NotFound, headers, Encoding.UTF8.GetBytes("""{"Message":"Function not found"}"""));

        Assert.Equal("ResourceNotFoundException", code);
    }

    [Fact]
    public void S3HeadError_NoBody_NamesTheStatus()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amz-request-id"] = "s3-req-1" };

        var (code, _, requestId) = AwsErrorParser.Parse(HttpStatusCode.NotFound, headers, []);

        Assert.Equal("NotFound", code);
        Assert.Equal("s3-req-1", requestId);
    }

    [Theory]
    [InlineData("Throttling", 400, true, true)]
    [InlineData("ThrottlingException", 400, true, true)]
    [InlineData("RequestLimitExceeded", 503, true, true)]
    [InlineData("TooManyRequestsException", 429, true, true)]
    [InlineData("SlowDown", 503, true, true)]
    [InlineData("ProvisionedThroughputExceededException", 400, true, true)]
    [InlineData("InternalError", 500, true, false)]
    [InlineData("ServiceUnavailable", 503, true, false)]
    [InlineData("AccessDenied", 403, false, false)]
    [InlineData("NoSuchEntity", 404, false, false)]
    [InlineData("InvalidClientTokenId", 403, false, false)]
    public void Classification_ThrottlingAnd5xxRetry_ClientErrorsDoNot(string code, int status, bool retryable, bool throttling)
    {
        var error = new AwsServiceException("svc", "Op", (HttpStatusCode)status, code, "m", "r");

        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(throttling, error.IsThrottling);
    }
}
