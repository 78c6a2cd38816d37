namespace CredIr.Grpc;

/// <summary>How a <see cref="GrpcChannel"/> talks to its server.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The handler to send through; by default one SocketsHttpHandler owned by the channel.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> when one is given.</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>The largest response message accepted; larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest request message sent; larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Send request messages gzip-compressed (grpc-encoding: gzip).</summary>
    public bool CompressRequests { get; set; }

    /// <summary>The clock deadlines are measured with.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
