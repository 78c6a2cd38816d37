using System.Collections.Frozen;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>Reads an operator name such as <c>ForAllValues:StringNotLikeIfExists</c>.</summary>
internal static class ConditionOperatorNames
{
    // Operator names are case-sensitive in IAM ("stringequals" is refused), unlike condition keys.
    private static readonly FrozenDictionary<string, (ConditionOperator Op, bool Negated)> Names =
        new Dictionary<string, (ConditionOperator, bool)>(StringComparer.Ordinal)
        {
            ["StringEquals"] = (ConditionOperator.StringEquals, false),
            ["StringNotEquals"] = (ConditionOperator.StringEquals, true),
            ["StringEqualsIgnoreCase"] = (ConditionOperator.StringEqualsIgnoreCase, false),
            ["StringNotEqualsIgnoreCase"] = (ConditionOperator.StringEqualsIgnoreCase, true),
            ["StringLike"] = (ConditionOperator.StringLike, false),
            ["StringNotLike"] = (ConditionOperator.StringLike, true),
            ["NumericEquals"] = (ConditionOperator.NumericEquals, false),
            ["NumericNotEquals"] = (ConditionOperator.NumericEquals, true),
            ["NumericLessThan"] = (ConditionOperator.NumericLessThan, false),
            ["NumericLessThanEquals"] = (ConditionOperator.NumericLessThanEquals, false),
            ["NumericGreaterThan"] = (ConditionOperator.NumericGreaterThan, false),
            ["NumericGreaterThanEquals"] = (ConditionOperator.NumericGreaterThanEquals, false),
            ["DateEquals"] = (ConditionOperator.DateEquals, false),
            ["DateNotEquals"] = (ConditionOperator.DateEquals, true),
            ["DateLessThan"] = (ConditionOperator.DateLessThan, false),
            ["DateLessThanEquals"] = (ConditionOperator.DateLessThanEquals, false),
            ["DateGreaterThan"] = (ConditionOperator.DateGreaterThan, false),
            ["DateGreaterThanEquals"] = (ConditionOperator.DateGreaterThanEquals, false),
            ["Bool"] = (ConditionOperator.Bool, false),
            ["BinaryEquals"] = (ConditionOperator.BinaryEquals, false),
            ["IpAddress"] = (ConditionOperator.IpAddress, false),
            ["NotIpAddress"] = (ConditionOperator.IpAddress, true),
            ["ArnEquals"] = (ConditionOperator.ArnLike, false),
            ["ArnLike"] = (ConditionOperator.ArnLike, false),
            ["ArnNotEquals"] = (ConditionOperator.ArnLike, true),
            ["ArnNotLike"] = (ConditionOperator.ArnLike, true),
            ["Null"] = (ConditionOperator.Null, false),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(
        string name, out ConditionOperator op, out bool negated, out SetQualifier qualifier, out bool ifExists)
    {
        op = default;
        negated = false;
        ifExists = false;
        qualifier = SetQualifier.None;
        var rest = name;
        if (TryStrip(ref rest, "ForAnyValue:"))
        {
            qualifier = SetQualifier.ForAnyValue;
        }
        else if (TryStrip(ref rest, "ForAllValues:"))
        {
            qualifier = SetQualifier.ForAllValues;
        }

        if (rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "Null")
        {
            ifExists = true;
            rest = rest[..^"IfExists".Length];
        }

        if (!Names.TryGetValue(rest, out var entry) || (ifExists && entry.Op == ConditionOperator.Null))
        {
            return false;
        }

        (op, negated) = entry;
        return true;
    }

    private static bool TryStrip(ref string rest, string prefix)
    {
        if (!rest.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[prefix.Length..];
        return true;
    }
}
