namespace CredIr.Grpc;

/// <summary>A service's health, with the values of grpc.health.v1.HealthCheckResponse.ServingStatus.</summary>
public enum ServingStatus
{
    Unknown = 0,
    Serving = 1,
    NotServing = 2,
    ServiceUnknown = 3,
}
