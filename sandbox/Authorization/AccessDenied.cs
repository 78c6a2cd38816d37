using System.Text;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Authorization;

/// <summary>AccessDenied in each service's own code, with AWS's wording from the evaluator.</summary>
internal static class AccessDenied
{
    public static AwsServiceException For(ServiceModel service, Caller caller, string action, string resource, AuthorizationResult result)
    {
        var message = AccessDeniedMessages.For(caller.Arn, action, resource, result, quoteResource: service.Protocol == AwsProtocol.RestXml);
        if (service.Protocol == AwsProtocol.Ec2)
        {
            // Stands in for the message sts:DecodeAuthorizationMessage would expand.
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{action}|{resource}|{result.Decision}"));
            return new AwsServiceException("UnauthorizedOperation", AccessDeniedMessages.ForEc2(message, encoded), 403);
        }

        return WithMessage(service, message);
    }

    public static AwsServiceException WithMessage(ServiceModel service, string message) => service.Protocol switch
    {
        AwsProtocol.Query => new AwsServiceException("AccessDenied", message, 403),
        AwsProtocol.Ec2 => new AwsServiceException("UnauthorizedOperation", $"You are not authorized to perform this operation. {message}", 403),
        AwsProtocol.Json => new AwsServiceException("AccessDeniedException", message, 400),
        AwsProtocol.RestJson => new AwsServiceException("AccessDeniedException", message, 403),
        _ => new AwsServiceException("AccessDenied", message, 403),
    };
}
