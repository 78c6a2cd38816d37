using CredIr.Contracts.V1;

namespace CredIr.Eradication.Planning;

/// <summary>Opens a resource state reader for one plan: in the incident's accounts, through the request's response role. Dispose the reader when it is <see cref="IDisposable"/>.</summary>
public interface IResourceStateReaderFactory
{
    IResourceStateReader Open(string incidentId, Scope? scope);
}
