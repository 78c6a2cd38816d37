using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Contracts.Providers;

/// <summary>Which cloud a request is about: each phase dispatches on it, and one request never mixes two clouds.</summary>
public static class CloudProviders
{
    /// <summary>Unspecified is AWS (every client written before a second cloud sends it).</summary>
    public static CloudProvider Normalize(CloudProvider provider) =>
        provider == CloudProvider.Unspecified ? CloudProvider.Aws : provider;

    /// <summary>The one cloud of these credentials (AWS when there are none).</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT when they belong to more than one cloud.</exception>
    public static CloudProvider Of(IEnumerable<Credential> credentials)
    {
        var providers = credentials.Select(static c => Normalize(c.Provider)).Distinct().ToList();
        return providers.Count switch
        {
            0 => CloudProvider.Aws,
            1 => providers[0],
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"credentials: one request acts on one cloud, these belong to {string.Join(" and ", providers.Select(Name))}; send one request per cloud")),
        };
    }

    /// <summary>The cloud's name as messages show it.</summary>
    public static string Name(CloudProvider provider) => Normalize(provider) switch
    {
        CloudProvider.HuaweiCloud => "Huawei Cloud",
        _ => "AWS",
    };
}
