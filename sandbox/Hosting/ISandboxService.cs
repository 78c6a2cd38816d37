using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Hosting;

/// <summary>One AWS service the sandbox serves.</summary>
internal interface ISandboxService
{
    ServiceModel Descriptor { get; }

    /// <summary>The operation a request names (Action, X-Amz-Target, or the REST route), or null when the service has none such.</summary>
    string? Resolve(RequestLine line);

    /// <summary>
    /// Counts a request against the service's rate where it arrives, before any injected latency (AWS counts a request
    /// when it arrives, not when its answer is ready); throws the service's throttling error when over the rate.
    /// </summary>
    void Admit(string operation, string accountId, string region)
    {
    }

    ServiceResult Handle(SandboxCall call);
}
