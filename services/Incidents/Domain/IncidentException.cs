namespace CredIr.Incidents.Domain;

/// <summary>
/// A refusal the caller can act on. The message says what to fix and never holds a secret; the
/// gRPC layer maps <see cref="Kind"/> to the status.
/// </summary>
public class IncidentException : Exception
{
    public IncidentException(IncidentErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public IncidentException()
        : this(IncidentErrorKind.FailedPrecondition, "The incident refused the request.")
    {
    }

    public IncidentException(string message)
        : this(IncidentErrorKind.FailedPrecondition, message)
    {
    }

    public IncidentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = IncidentErrorKind.FailedPrecondition;
    }

    public IncidentErrorKind Kind { get; }
}
