using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Faults;

/// <summary>The throttling and server errors each service really returns.</summary>
internal static class FaultErrors
{
    public static AwsServiceException Throttled(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => new AwsServiceException("Throttling", "Rate exceeded", 400),
        AwsProtocol.Ec2 => new AwsServiceException("RequestLimitExceeded", "Request limit exceeded.", 503),
        AwsProtocol.Json => new AwsServiceException("ThrottlingException", "Rate exceeded", 400),
        AwsProtocol.RestJson => new AwsServiceException("TooManyRequestsException", "Rate exceeded", 429),
        _ => new AwsServiceException("SlowDown", "Please reduce your request rate.", 503),
    };

    public static AwsServiceException ServerError(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => new AwsServiceException("ServiceUnavailable", "Service is unable to handle request.", 503, sender: false),
        AwsProtocol.Ec2 => new AwsServiceException("InternalError", "An internal error has occurred", 500, sender: false),
        AwsProtocol.Json => new AwsServiceException("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, sender: false),
        AwsProtocol.RestJson => new AwsServiceException("ServiceException", "An internal error has occurred.", 500, sender: false),
        _ => new AwsServiceException("InternalError", "We encountered an internal error. Please try again.", 500, sender: false),
    };

    /// <summary>The caller's policy does not allow the action.</summary>
    public static AwsServiceException Denied(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => new AwsServiceException("AccessDenied", "User is not authorized to perform this action", 403),
        AwsProtocol.Ec2 => new AwsServiceException("UnauthorizedOperation", "You are not authorized to perform this operation.", 403),
        AwsProtocol.Json or AwsProtocol.RestJson => new AwsServiceException("AccessDeniedException", "User is not authorized to perform this action", 400),
        _ => new AwsServiceException("AccessDenied", "Access Denied", 403),
    };

    /// <summary>A parameter of the wrong type or format, in the protocol's validation error.</summary>
    public static AwsServiceException BadInput(ServiceModel s) => s.Protocol switch
    {
        AwsProtocol.Query => new AwsServiceException("ValidationError", "A parameter has an invalid value or format.", 400),
        AwsProtocol.Ec2 => new AwsServiceException("InvalidParameterValue", "A parameter has an invalid value or format.", 400),
        AwsProtocol.Json => new AwsServiceException("SerializationException", "A parameter has an invalid value or format.", 400),
        AwsProtocol.RestJson => new AwsServiceException("InvalidParameterValueException", "A parameter has an invalid value or format.", 400),
        _ => new AwsServiceException("InvalidArgument", "A parameter has an invalid value or format.", 400),
    };

    public static AwsServiceException UnknownOperation(ServiceModel s, string? action) => s.Protocol switch
    {
        AwsProtocol.Query or AwsProtocol.Ec2 => new AwsServiceException("InvalidAction", $"The action {action} is not valid for this web service.", 400),
        AwsProtocol.Json => new AwsServiceException("UnknownOperationException", "", 400),
        AwsProtocol.RestJson => new AwsServiceException("UnknownOperationException", "Unknown operation", 404),
        _ => new AwsServiceException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405),
    };
}
