namespace CredIr.Incidents.Domain;

/// <summary>The kinds of refusal the coordinator gives; each maps to one gRPC status.</summary>
public enum IncidentErrorKind
{
    /// <summary>INVALID_ARGUMENT: the request itself is wrong.</summary>
    InvalidArgument,

    /// <summary>NOT_FOUND: no such incident (or approval, or checklist item).</summary>
    NotFound,

    /// <summary>FAILED_PRECONDITION: not possible in the incident's current phase or state.</summary>
    FailedPrecondition,

    /// <summary>PERMISSION_DENIED: this caller may not do this (the two-person rule).</summary>
    PermissionDenied,

    /// <summary>ABORTED: concurrent writers kept conflicting; the caller may retry.</summary>
    Aborted,
}
