using CredIr.Grpc.Internal.Binding;

namespace CredIr.Grpc.Internal.Server;

/// <summary>The services mapped on this host, for reflection and the UNIMPLEMENTED answers.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ContractDescription> _services = [];

    public bool FallbackMapped { get; set; }

    public IReadOnlyList<ContractDescription> Services
    {
        get
        {
            lock (_gate)
            {
                return [.. _services];
            }
        }
    }

    public bool Add(ContractDescription service)
    {
        lock (_gate)
        {
            if (_services.Exists(s => s.Service.FullName == service.Service.FullName))
            {
                return false;
            }

            _services.Add(service);
            return true;
        }
    }

    public bool Contains(string serviceName)
    {
        lock (_gate)
        {
            return _services.Exists(s => s.Service.FullName == serviceName);
        }
    }
}
