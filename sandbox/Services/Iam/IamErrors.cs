using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

internal static class IamErrors
{
    public static AwsServiceException NoSuch(string kind, string name) =>
        new("NoSuchEntity", $"The {kind} with name {name} cannot be found.", 404);

    public static AwsServiceException Exists(string kind, string name) =>
        new("EntityAlreadyExists", $"{kind} with name {name} already exists.", 409);

    public static AwsServiceException DeleteConflict(string what) =>
        new("DeleteConflict", $"Cannot delete entity, must {what} first.", 409);

    public static AwsServiceException Malformed(string message) => new("MalformedPolicyDocument", message, 400);

    public static AwsServiceException Invalid(string message) => new("ValidationError", message, 400);
}
