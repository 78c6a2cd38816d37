using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Grpc.Internal.Server;

/// <summary>What every server call needs, resolved once per application.</summary>
internal sealed class ServerCallServices(IOptions<GrpcServerOptions> options, ILoggerFactory loggers, TimeProvider time, GrpcServiceRegistry registry)
{
    public int MaxReceiveMessageSize { get; } = options.Value.MaxReceiveMessageSize ?? int.MaxValue;

    public int MaxSendMessageSize { get; } = options.Value.MaxSendMessageSize ?? int.MaxValue;

    public bool EnableDetailedErrors { get; } = options.Value.EnableDetailedErrors;

    public string? CallerKey { get; } = string.IsNullOrEmpty(options.Value.CallerKey) ? null : options.Value.CallerKey;

    public ILogger Logger { get; } = loggers.CreateLogger("CredIr.Grpc.Server");

    public TimeProvider Time { get; } = time;

    public GrpcServiceRegistry Registry { get; } = registry;
}
