using System.Net;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Forwarding;

/// <summary>Every configured service's pool, sharing one HTTP/2 connection handler.</summary>
internal sealed class BackendRegistry : IDisposable
{
    private readonly Dictionary<string, BackendPool> _pools = new(StringComparer.Ordinal);

    public BackendRegistry(IOptions<GatewayOptions> options)
    {
        Handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        Invoker = new HttpMessageInvoker(Handler, disposeHandler: false);
        foreach (var (service, config) in options.Value.Services)
        {
            _pools[service] = new BackendPool(service, config.Addresses.Select(a => new BackendInstance(new Uri(a), Handler)).ToList());
        }
    }

    public SocketsHttpHandler Handler { get; }

    public HttpMessageInvoker Invoker { get; }

    public IEnumerable<BackendPool> Pools => _pools.Values;

    public BackendPool? Find(string service) => _pools.GetValueOrDefault(service);

    public void Dispose()
    {
        foreach (var instance in _pools.Values.SelectMany(p => p.Instances))
        {
            instance.Dispose();
        }

        Invoker.Dispose();
        Handler.Dispose();
    }
}
