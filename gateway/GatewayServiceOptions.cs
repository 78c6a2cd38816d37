namespace CredIr.Gateway;

/// <summary>One service behind the gateway: its instances.</summary>
public sealed class GatewayServiceOptions
{
    public List<string> Addresses { get; init; } = [];
}
