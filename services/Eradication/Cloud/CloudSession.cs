using CredIr.Aws;

namespace CredIr.Eradication.Cloud;

/// <summary>Clients in any account (and region) of the organization for one call; disposing it drops the sessions.</summary>
public sealed class CloudSession(OrganizationSessions sessions) : IDisposable
{
    /// <summary>The clients acting in an account (the responder's own when none is named), in a region when one is given.</summary>
    public async Task<AwsScope> ScopeAsync(string? accountId, string? region, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(accountId) ? await sessions.GetCallerAccountIdAsync(cancellationToken) : accountId;
        var scope = (await sessions.GetSessionAsync(account, cancellationToken)).Scope;
        return string.IsNullOrEmpty(region) ? scope : scope.WithRegion(region);
    }

    /// <summary>The ARN a member account sees the responder as (the response role), or the responder's own identity.</summary>
    public async Task<string> ResponderArnAsync(string? accountId, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(accountId) ? await sessions.GetCallerAccountIdAsync(cancellationToken) : accountId;
        var session = await sessions.GetSessionAsync(account, cancellationToken);
        return session.RoleArn ?? (await session.Scope.Sts.GetCallerIdentityAsync(cancellationToken)).Arn;
    }

    public void Dispose() => sessions.Dispose();
}
