namespace CredIr.Grpc;

/// <summary>Server limits and error detail, bound from the "Grpc" configuration section.</summary>
public sealed class GrpcServerOptions
{
    public const string SectionName = "Grpc";

    /// <summary>The largest request message accepted (after decompression); larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest response message sent; larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Put the type and message of unhandled exceptions in grpc-message. Off by default: an
    /// exception message can carry secrets. Responses are never compressed.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// The secret a fronting gateway sends as x-credir-gateway-key (its Gateway:CallerKey). With it
    /// set, a call carrying that key has the x-credir-caller header as its
    /// <see cref="CallContext.Caller"/>; without it (the default), the header is ignored.
    /// </summary>
    public string? CallerKey { get; set; }
}
