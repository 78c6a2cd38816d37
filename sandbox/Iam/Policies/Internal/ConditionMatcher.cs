using System.Net;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>Compares one policy value with one request value under one (positive) condition operator.</summary>
internal static class ConditionMatcher
{
    public static bool Matches(ConditionOperator op, ConditionValue policyValue, string contextValue, RequestContext context)
    {
        if (policyValue.HasVariables)
        {
            if (!PolicyVariables.TryResolve(policyValue.Text, context, out var resolved))
            {
                return false;
            }

            policyValue = new ConditionValue(resolved, variablesEnabled: false);
        }

        var text = policyValue.Text;
        return op switch
        {
            ConditionOperator.StringEquals => string.Equals(text, contextValue, StringComparison.Ordinal),
            ConditionOperator.StringEqualsIgnoreCase => string.Equals(text, contextValue, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.StringLike => Wildcard.IsMatch(text, contextValue, ignoreCase: false),
            ConditionOperator.Bool => string.Equals(text, contextValue, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.BinaryEquals => string.Equals(text, contextValue, StringComparison.Ordinal),
            ConditionOperator.ArnLike => ArnMatcher.IsMatch(text, contextValue),
            ConditionOperator.IpAddress => policyValue.Cidr is { } cidr && IPAddress.TryParse(contextValue, out var ip) && cidr.Contains(ip),
            ConditionOperator.NumericEquals or ConditionOperator.NumericLessThan or ConditionOperator.NumericLessThanEquals
                or ConditionOperator.NumericGreaterThan or ConditionOperator.NumericGreaterThanEquals =>
                policyValue.Number is { } limit && ConditionValue.ParseNumber(contextValue) is { } actual
                && Compare(op, actual.CompareTo(limit)),
            ConditionOperator.DateEquals or ConditionOperator.DateLessThan or ConditionOperator.DateLessThanEquals
                or ConditionOperator.DateGreaterThan or ConditionOperator.DateGreaterThanEquals =>
                policyValue.Date is { } bound && PolicyDates.TryParse(contextValue, out var when)
                && Compare(op, when.CompareTo(bound)),
            _ => false,
        };
    }

    // comparison is request value against policy value: DateLessThan holds when the request's date is earlier.
    private static bool Compare(ConditionOperator op, int comparison) => op switch
    {
        ConditionOperator.NumericEquals or ConditionOperator.DateEquals => comparison == 0,
        ConditionOperator.NumericLessThan or ConditionOperator.DateLessThan => comparison < 0,
        ConditionOperator.NumericLessThanEquals or ConditionOperator.DateLessThanEquals => comparison <= 0,
        ConditionOperator.NumericGreaterThan or ConditionOperator.DateGreaterThan => comparison > 0,
        ConditionOperator.NumericGreaterThanEquals or ConditionOperator.DateGreaterThanEquals => comparison >= 0,
        _ => false,
    };
}
