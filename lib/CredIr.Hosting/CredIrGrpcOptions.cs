namespace CredIr.Hosting;

/// <summary>Server limits, error detail and caller trust, bound from the "Grpc" configuration section.</summary>
public sealed class CredIrGrpcOptions
{
    public const string SectionName = "Grpc";

    /// <summary>
    /// The default of both message limits: what gRPC clients accept by default (grpc-dotnet, grpcio, grpc-go
    /// receive at most 4 MiB), and what the credir CLI sends and receives. Servers keep every response under it
    /// (list pages are bounded in bytes), so that no ordinary client is sent what it must refuse.
    /// </summary>
    public const int DefaultMessageLimit = 4 * 1024 * 1024;

    /// <summary>The largest request message accepted (after decompression); larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = DefaultMessageLimit;

    /// <summary>The largest response message sent; larger is RESOURCE_EXHAUSTED, from the server, naming the limit. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; } = DefaultMessageLimit;

    /// <summary>
    /// Put the type and message of unhandled exceptions in grpc-message. Off by default: an
    /// exception message can carry secrets.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// Compress responses with gzip when the client accepts it (grpc-accept-encoding). On by default:
    /// scans and evidence exports are large, repetitive JSON-like messages.
    /// </summary>
    public bool CompressResponses { get; set; } = true;

    /// <summary>
    /// The secret a fronting gateway sends as x-credir-gateway-key (its Gateway:CallerKey). With it
    /// set, a call carrying that key has the x-credir-caller header as its caller; without it (the
    /// default), the header is ignored.
    /// </summary>
    public string? CallerKey { get; set; }

    /// <summary>
    /// Development mode: with no <see cref="CallerKey"/>, believe the x-credir-caller a client declares when it
    /// calls from loopback, so any local user can act as anyone. Off by default; <c>credir serve --dev</c> sets it
    /// and warns at start.
    /// </summary>
    public bool TrustLoopbackCaller { get; set; }

    // A secret must never reach logs or exceptions through ToString.
    public override string ToString() =>
        $"Grpc(MaxReceiveMessageSize: {MaxReceiveMessageSize}, MaxSendMessageSize: {MaxSendMessageSize}, CallerKey: {(string.IsNullOrEmpty(CallerKey) ? "unset" : "set")}, TrustLoopbackCaller: {TrustLoopbackCaller})";
}
