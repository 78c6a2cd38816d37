namespace CredIr.Identification;

/// <summary>The request is valid but the service is not set up for it (mapped to FAILED_PRECONDITION); the message says which setting.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
