using CredIr.Aws;
using CredIr.Containment.Cloud;

namespace CredIr.Containment.GuardRails;

/// <summary>
/// Decides which principals containment must not touch: the configured ones (break-glass roles and
/// the like), the responder's own identity, and the response role it enters member accounts with.
/// </summary>
internal sealed class GuardRail
{
    private readonly IReadOnlyList<(ArnPattern Pattern, string Reason)> _configured;
    private readonly string _callerAccount;
    private readonly string _responseRole;
    private readonly (string Account, string Type, string Name)? _self;

    private GuardRail(IReadOnlyList<(ArnPattern, string)> configured, string callerAccount, string responseRole, (string, string, string)? self)
    {
        _configured = configured;
        _callerAccount = callerAccount;
        _responseRole = responseRole;
        _self = self;
    }

    public static async Task<GuardRail> CreateAsync(ContainmentServiceOptions options, ResponderSession responder, CancellationToken ct)
    {
        var identity = await responder.IdentityAsync(ct).ConfigureAwait(false);
        (string, string, string)? self = null;
        if (Arn.TryParse(identity.Arn, out var arn))
        {
            self = arn.ResourceType switch
            {
                "user" => (arn.AccountId, "user", arn.ResourceName),
                "assumed-role" => (arn.AccountId, "role", arn.ResourceId.Split('/')[0]),
                _ => null,
            };
        }

        var configured = options.ProtectedPrincipals
            .Where(static p => !string.IsNullOrWhiteSpace(p.Pattern))
            .Select(static p => (new ArnPattern(p.Pattern), string.IsNullOrWhiteSpace(p.Reason) ? "configured as protected" : p.Reason))
            .ToList();
        return new GuardRail(configured, identity.Account, responder.ResponseRoleName, self);
    }

    /// <summary>
    /// Why containment must not take this action on a principal, or null when it may. The response role of a member
    /// account may get the older-sessions deny (the actor's session of it ends; the response then enters the account
    /// again with a session issued after the cut-off), never a deny-all or a locked trust policy, which would shut
    /// the response out for good.
    /// </summary>
    public string? Refusal(string accountId, string type, string name, string arn, string action)
    {
        foreach (var (pattern, reason) in _configured)
        {
            if (pattern.Matches(arn))
            {
                return $"{arn} is a protected principal ({pattern.Text}): {reason}";
            }
        }

        if (_self is { } self && self.Account == accountId && self.Type == type && self.Name == name)
        {
            return $"{arn} is the responder's own identity: containment would lock the response out.";
        }

        if (IsResponseRole(accountId, type, name) && action != Planning.StepActions.RoleRevokeOlderSessions)
        {
            return $"{arn} is the response role the responder enters account {accountId} with: {action} would lock the response out of the account for good (the older-sessions deny does not: the response takes a fresh session after it). Contain it by hand from inside the account if it must be.";
        }

        return null;
    }

    /// <summary>True for the role the responder enters member accounts with (not in its own account, where it signs directly).</summary>
    public bool IsResponseRole(string accountId, string type, string name) =>
        type == "role" && accountId != _callerAccount && string.Equals(name, _responseRole, StringComparison.Ordinal);
}
