namespace CredIr.Hosting.Approvals;

/// <summary>The methods that change the cloud on an approval, as a token names them, and the services that seal their plans.</summary>
public static class ApprovalMethods
{
    public const string Containment = "containment";
    public const string Eradication = "eradication";
    public const string Recovery = "recovery";

    public static readonly string ExecuteContainment = Method(Contracts.V1.Containment.Descriptor.FullName, "ExecuteContainment");
    public static readonly string RollbackContainment = Method(Contracts.V1.Containment.Descriptor.FullName, "RollbackContainment");
    public static readonly string ExecuteEradication = Method(Contracts.V1.Eradication.Descriptor.FullName, "ExecuteEradication");
    public static readonly string ExecuteRecovery = Method(Contracts.V1.Recovery.Descriptor.FullName, "ExecuteRecovery");

    private static string Method(string service, string name) => $"/{service}/{name}";
}
