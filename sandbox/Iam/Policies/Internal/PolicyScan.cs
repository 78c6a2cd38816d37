namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>Finds the statement of a given effect that applies to a request among a set of policies.</summary>
internal static class PolicyScan
{
    /// <summary>
    /// The applying statement with <paramref name="effect"/>; among several, the one naming the caller most
    /// specifically (it decides whether identity policies must allow too).
    /// </summary>
    public static StatementHit? Find(
        IReadOnlyList<NamedPolicy> policies, PolicyEffect effect, RequestPrincipal caller, string action, string resource, RequestContext context)
    {
        StatementHit? best = null;
        foreach (var policy in policies)
        {
            if (Find(policy, effect, caller, action, resource, context) is { } hit
                && (best is null || Rank(hit.Match) > Rank(best.Value.Match)))
            {
                best = hit;
            }
        }

        return best;
    }

    public static StatementHit? Find(
        NamedPolicy policy, PolicyEffect effect, RequestPrincipal caller, string action, string resource, RequestContext context)
    {
        StatementHit? best = null;
        foreach (var statement in policy.Document.Statements)
        {
            if (statement.Effect != effect || !statement.MatchesAction(action) || !statement.MatchesResource(resource, context))
            {
                continue;
            }

            var match = statement.MatchPrincipal(caller);
            if (match == PrincipalMatch.None || (best is not null && Rank(match) <= Rank(best.Value.Match))
                || !statement.MatchesConditions(context))
            {
                continue;
            }

            best = new StatementHit(policy, statement, match);
        }

        return best;
    }

    private static int Rank(PrincipalMatch match) => match switch
    {
        PrincipalMatch.None => 0,
        PrincipalMatch.Account => 1,
        PrincipalMatch.Role => 2,
        _ => 3,
    };
}
