using CredIr.Contracts.V1;
using CredIr.Eradication.Planning;

namespace CredIr.Eradication.Cloud;

/// <summary>Readers over the AWS clients, one set of organization sessions per plan.</summary>
internal sealed class AwsResourceStateReaderFactory(EradicationCloud cloud) : IResourceStateReaderFactory
{
    public IResourceStateReader Open(string incidentId, Scope? scope) => new AwsResourceStateReader(cloud.Open(incidentId, scope));
}
