using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Hosting;

/// <summary>One AWS service the sandbox serves.</summary>
internal interface ISandboxService
{
    ServiceModel Descriptor { get; }

    /// <summary>The operation a request names (Action, X-Amz-Target, or the REST route), or null when the service has none such.</summary>
    string? Resolve(RequestLine line);

    ServiceResult Handle(SandboxCall call);
}
