namespace CredIr.Incidents.Storage;

/// <summary>A page token this store did not issue.</summary>
internal sealed class InvalidPageTokenException : Exception
{
    public InvalidPageTokenException()
        : base("The page token is not one this server issued; list again from the first page.")
    {
    }

    public InvalidPageTokenException(string message)
        : base(message)
    {
    }

    public InvalidPageTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
