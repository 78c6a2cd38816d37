namespace CredIr.Gateway.Rest;

/// <summary>A REST body over Gateway:MaxJsonBodyBytes; answered 413.</summary>
internal sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    public RequestTooLargeException()
    {
    }

    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
