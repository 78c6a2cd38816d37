namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// One operator / key pair of a Condition block, e.g. <c>"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]}</c>.
/// Values within it are OR'ed; the clauses of a statement are AND'ed by the statement.
/// </summary>
internal sealed class ConditionClause(
    string operatorName, ConditionOperator op, bool negated, SetQualifier qualifier, bool ifExists, string key, ConditionValue[] values)
{
    public string OperatorName { get; } = operatorName;

    public string Key { get; } = key;

    public bool IsSatisfied(RequestContext context)
    {
        var present = context.TryGetValues(Key, out var contextValues);
        if (op == ConditionOperator.Null)
        {
            // Null asks whether the key is absent: "true" means it must be missing.
            foreach (var value in values)
            {
                if (string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase) != present)
                {
                    return true;
                }
            }

            return false;
        }

        if (!present)
        {
            // IAM: a missing key fails a plain condition, satisfies ...IfExists, ForAllValues and the
            // negated operators (StringNotEquals, NotIpAddress, ArnNotLike ...), and fails ForAnyValue.
            return qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => ifExists,
                _ => ifExists || negated,
            };
        }

        if (qualifier == SetQualifier.ForAllValues)
        {
            foreach (var contextValue in contextValues!)
            {
                if (MatchesAny(contextValue, context) == negated)
                {
                    return false;
                }
            }

            return true;
        }

        if (negated && qualifier == SetQualifier.None)
        {
            // A negated operator without a set qualifier holds when no context value matches any policy value.
            foreach (var contextValue in contextValues!)
            {
                if (MatchesAny(contextValue, context))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var contextValue in contextValues!)
        {
            if (MatchesAny(contextValue, context) != negated)
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAny(string contextValue, RequestContext context)
    {
        foreach (var value in values)
        {
            if (ConditionMatcher.Matches(op, value, contextValue, context))
            {
                return true;
            }
        }

        return false;
    }
}
