using CredIr.Grpc.Internal.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CredIr.Grpc;

public static class GrpcHostBuilderExtensions
{
    /// <summary>
    /// Makes this web application a gRPC host: HTTP/2 with prior knowledge (h2c) on http://
    /// addresses, HTTP/1.1 and HTTP/2 (ALPN) on https:// ones; addresses from ASPNETCORE_URLS,
    /// --urls or Kestrel:Endpoints, certificates from Kestrel's usual configuration; and the gRPC
    /// server services (<see cref="GrpcServiceCollectionExtensions.AddCredIrGrpc"/>).
    /// </summary>
    public static WebApplicationBuilder AddCredIrGrpcHost(this WebApplicationBuilder builder, Action<GrpcServerOptions>? configure = null)
    {
        var tlsPorts = KestrelAddresses.TlsPorts(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
            // Kestrel cannot tell HTTP/1.1 from an h2c preface on one cleartext port, so cleartext is HTTP/2 only.
            listen.Protocols = tlsPorts.Contains(listen.IPEndPoint?.Port ?? -1) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2));
        builder.Services.AddCredIrGrpc(configure);
        return builder;
    }
}
