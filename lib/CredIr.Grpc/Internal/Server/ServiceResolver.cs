using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Finds the implementation of a contract for a call.</summary>
internal sealed class ServiceResolver<TService>(IServiceProvider root, bool singleton)
    where TService : class
{
    private TService? _instance;

    public TService Resolve(HttpContext http) =>
        singleton
            ? _instance ??= root.GetRequiredService<TService>()
            : http.RequestServices.GetRequiredService<TService>();
}
