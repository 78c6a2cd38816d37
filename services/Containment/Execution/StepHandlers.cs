using CredIr.Containment.Planning;

namespace CredIr.Containment.Execution;

/// <summary>The handler of each step action.</summary>
internal sealed class StepHandlers
{
    private readonly Dictionary<string, IStepHandler> _handlers;

    public StepHandlers()
    {
        IStepHandler[] all =
        [
            new AccessKeyHandler(),
            new LoginProfileHandler(),
            new InlinePolicyHandler(StepActions.UserRevokeOlderSessions, onRole: false),
            new InlinePolicyHandler(StepActions.UserDenyAll, onRole: false),
            new InlinePolicyHandler(StepActions.RoleRevokeOlderSessions, onRole: true),
            new InlinePolicyHandler(StepActions.RoleDenyAll, onRole: true),
            new TrustPolicyHandler(),
        ];
        _handlers = all.ToDictionary(static h => h.Action, StringComparer.Ordinal);
    }

    public IStepHandler? For(string action) => _handlers.GetValueOrDefault(action);
}
