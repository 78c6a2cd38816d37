using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CredIr.Hosting.InProcess;

public static class InProcessServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client) calling the <typeparamref name="TBase"/>
    /// implementation registered in this container, in-process, unless a client is registered already
    /// (a phase hosted elsewhere, called over HTTP/2).
    /// </summary>
    public static IServiceCollection AddInProcessClient<TBase, TClient>(this IServiceCollection services, Action<ServiceBinderBase, TBase> bind, Func<CallInvoker, TClient> create)
        where TBase : class
        where TClient : class
    {
        services.TryAddSingleton(sp => create(InProcessCallInvoker.Create(sp.GetRequiredService<TBase>(), bind, sp.GetServices<RpcErrorMap>())));
        return services;
    }
}
