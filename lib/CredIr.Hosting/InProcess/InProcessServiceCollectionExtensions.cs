using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CredIr.Hosting.InProcess;

public static class InProcessServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client) calling the <typeparamref name="TBase"/>
    /// implementation registered in this container, in-process, unless a client is registered already
    /// (a phase hosted elsewhere, called over HTTP/2). With <paramref name="checkRequests"/>, every request is held
    /// to the hosts' limits (<see cref="Validation.RequestShape"/>) as it would be over the wire: for a service whose
    /// in-process callers pass on what a person typed (the CLI's incidents).
    /// </summary>
    public static IServiceCollection AddInProcessClient<TBase, TClient>(this IServiceCollection services, Action<ServiceBinderBase, TBase> bind, Func<CallInvoker, TClient> create, bool checkRequests = false)
        where TBase : class
        where TClient : class
    {
        services.TryAddSingleton(sp => create(InProcessCallInvoker.Create(sp.GetRequiredService<TBase>(), bind, sp.GetServices<RpcErrorMap>(), checkRequests: checkRequests)));
        return services;
    }
}
