using CredIr.Aws;

namespace CredIr.Recovery.Cloud;

/// <summary>The AWS clients acting in one account (and region), entered through the organization's response role.</summary>
public interface IAccountClients
{
    Task<AwsScope> ForAccountAsync(string accountId, string? region, CancellationToken cancellationToken);
}
