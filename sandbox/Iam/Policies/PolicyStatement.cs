using CredIr.Sandbox.Iam.Policies.Internal;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>One parsed, immutable statement of a policy document.</summary>
public sealed class PolicyStatement
{
    private readonly string[] _actions;
    private readonly ResourcePattern[] _resources;
    private readonly ConditionClause[] _conditions;

    internal PolicyStatement(
        string? sid, PolicyEffect effect, string[] actions, bool isNotAction, ResourcePattern[] resources, bool isNotResource,
        PrincipalSet? principal, bool isNotPrincipal, ConditionClause[] conditions)
    {
        Sid = sid;
        Effect = effect;
        _actions = actions;
        IsNotAction = isNotAction;
        _resources = resources;
        IsNotResource = isNotResource;
        Principal = principal;
        IsNotPrincipal = isNotPrincipal;
        _conditions = conditions;
    }

    public string? Sid { get; }

    public PolicyEffect Effect { get; }

    /// <summary>The Action (or NotAction when <see cref="IsNotAction"/>) patterns.</summary>
    public IReadOnlyList<string> Actions => _actions;

    public bool IsNotAction { get; }

    /// <summary>The Resource (or NotResource) patterns; empty when the statement has neither (trust policies).</summary>
    public IReadOnlyList<string> Resources => Array.ConvertAll(_resources, r => r.Text);

    public bool IsNotResource { get; }

    /// <summary>The condition operator / key pairs, e.g. ("DateLessThan", "aws:TokenIssueTime").</summary>
    public IReadOnlyList<(string Operator, string Key)> Conditions => Array.ConvertAll(_conditions, c => (c.OperatorName, c.Key));

    internal PrincipalSet? Principal { get; }

    internal bool IsNotPrincipal { get; }

    internal bool MatchesAction(string action)
    {
        foreach (var pattern in _actions)
        {
            if (Wildcard.IsMatch(pattern, action, ignoreCase: true))
            {
                return !IsNotAction;
            }
        }

        return IsNotAction;
    }

    internal bool MatchesResource(string resource, RequestContext context)
    {
        if (_resources.Length == 0)
        {
            return true;
        }

        foreach (var pattern in _resources)
        {
            if (pattern.Matches(resource, context))
            {
                return !IsNotResource;
            }
        }

        return IsNotResource;
    }

    internal bool MatchesConditions(RequestContext context)
    {
        foreach (var condition in _conditions)
        {
            if (!condition.IsSatisfied(context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How the Principal / NotPrincipal element names the caller; identity policies have none and match anyone.</summary>
    internal PrincipalMatch MatchPrincipal(RequestPrincipal caller)
    {
        if (Principal is null)
        {
            return PrincipalMatch.Everyone;
        }

        var match = Principal.Match(caller);
        if (!IsNotPrincipal)
        {
            return match;
        }

        return match == PrincipalMatch.None ? PrincipalMatch.Everyone : PrincipalMatch.None;
    }
}
