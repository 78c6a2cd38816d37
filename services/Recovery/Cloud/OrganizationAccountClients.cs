using CredIr.Aws;

namespace CredIr.Recovery.Cloud;

/// <summary><see cref="IAccountClients"/> over <see cref="OrganizationSessions"/>: the caller's account directly, members by AssumeRole.</summary>
internal sealed class OrganizationAccountClients(OrganizationSessions sessions) : IAccountClients
{
    public async Task<AwsScope> ForAccountAsync(string accountId, string? region, CancellationToken cancellationToken)
    {
        var session = await sessions.GetSessionAsync(accountId, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(region) ? session.Scope : session.Scope.WithRegion(region);
    }
}
