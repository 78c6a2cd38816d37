namespace CredIr.Grpc.Internal;

/// <summary>Header names and fixed values of the gRPC-over-HTTP/2 protocol.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string AcceptedEncodings = "identity,gzip";
    public const string Gzip = "gzip";
    public const string Identity = "identity";
    public const int HeaderSize = 5;

    /// <summary>application/grpc, application/grpc+proto and application/grpc;... but not application/grpc-web.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        var next = contentType[ContentType.Length];
        return next == ';' || (next == '+' && !contentType.AsSpan(ContentType.Length + 1).StartsWith("json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Headers that belong to the protocol, not to the call's metadata.</summary>
    public static bool IsReservedHeader(string key) =>
        key.Length == 0
        || key[0] == ':'
        || key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals(TimeoutHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(StatusTrailer, StringComparison.OrdinalIgnoreCase)
        || key.Equals(MessageTrailer, StringComparison.OrdinalIgnoreCase);
}
