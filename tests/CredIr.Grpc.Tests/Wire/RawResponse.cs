namespace CredIr.Grpc.Tests.Wire;

public sealed record RawResponse(int HttpStatus, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public string? GrpcStatus => Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status");
}
