namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// A policy document IAM would refuse. The message is what the sandbox returns as the message of AWS's
/// MalformedPolicyDocument error (HTTP 400), so it names what is wrong.
/// </summary>
public sealed class MalformedPolicyDocumentException : Exception
{
    public MalformedPolicyDocumentException()
    {
    }

    public MalformedPolicyDocumentException(string message)
        : base(message)
    {
    }

    public MalformedPolicyDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The AWS error code the sandbox should answer with.</summary>
    public static string ErrorCode => "MalformedPolicyDocument";
}
