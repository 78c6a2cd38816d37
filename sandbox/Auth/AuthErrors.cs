using System.Globalization;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Auth;

/// <summary>Authentication failures in each protocol's own codes and wording, as AWS returns them.</summary>
internal static class AuthErrors
{
    private const string InvalidToken = "The security token included in the request is invalid.";
    private const string Mismatch = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static AwsServiceException UnknownKey(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => Fail("InvalidClientTokenId", InvalidToken, 403),
        AwsProtocol.Ec2 => Fail("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        AwsProtocol.Json => Fail("UnrecognizedClientException", InvalidToken, 400),
        AwsProtocol.RestJson => Fail("UnrecognizedClientException", InvalidToken, 403),
        _ => Fail("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
    };

    public static AwsServiceException BadToken(ServiceModel s) => s.Protocol == AwsProtocol.RestXml
        ? Fail("InvalidToken", "The provided token is malformed or otherwise invalid.", 400)
        : UnknownKey(s);

    public static AwsServiceException BadSignature(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => Fail("SignatureDoesNotMatch", Mismatch, 403),
        AwsProtocol.Ec2 => Fail("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        AwsProtocol.Json => Fail("InvalidSignatureException", Mismatch, 400),
        AwsProtocol.RestJson => Fail("InvalidSignatureException", Mismatch, 403),
        _ => Fail("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403),
    };

    public static AwsServiceException Expired(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query or AwsProtocol.Ec2 => Fail("ExpiredToken", "The security token included in the request is expired", 400),
        AwsProtocol.Json => Fail("ExpiredTokenException", "The security token included in the request is expired", 400),
        AwsProtocol.RestJson => Fail("ExpiredTokenException", "The security token included in the request is expired", 403),
        _ => Fail("ExpiredToken", "The provided token has expired.", 400),
    };

    public static AwsServiceException Skewed(ServiceModel s, DateTimeOffset signed, DateTimeOffset now)
    {
        var limit = signed < now ? now.AddMinutes(-15) : now.AddMinutes(15);
        var message = string.Format(CultureInfo.InvariantCulture, "Signature expired: {0} is now {1} than {2} ({3} {4} 15 min.)",
            signed.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture), signed < now ? "earlier" : "later",
            limit.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture), now.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture), signed < now ? "-" : "+");
        return s.Protocol switch
        {
            AwsProtocol.Query => Fail("SignatureDoesNotMatch", message, 403),
            AwsProtocol.Ec2 => Fail("RequestExpired", "Request has expired.", 400),
            AwsProtocol.Json => Fail("InvalidSignatureException", message, 400),
            AwsProtocol.RestJson => Fail("InvalidSignatureException", message, 403),
            _ => Fail("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403),
        };
    }

    public static AwsServiceException Missing(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Json or AwsProtocol.RestJson => Fail("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
        AwsProtocol.RestXml => Fail("AccessDenied", "Access Denied", 403),
        _ => Fail("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
    };

    private static AwsServiceException Fail(string code, string message, int status) => new(code, message, status) { Recorded = false };
}
