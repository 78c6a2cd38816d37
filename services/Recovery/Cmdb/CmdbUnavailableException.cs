namespace CredIr.Recovery.Cmdb;

/// <summary>The CMDB file is configured but cannot be read (FAILED_PRECONDITION: fix the file, then retry).</summary>
public sealed class CmdbUnavailableException : Exception
{
    public CmdbUnavailableException(string message)
        : base(message)
    {
    }

    public CmdbUnavailableException()
    {
    }

    public CmdbUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
