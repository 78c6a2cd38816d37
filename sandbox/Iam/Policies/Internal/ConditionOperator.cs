namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>The positive form of a condition operator; negated forms (StringNotEquals ...) carry a flag.</summary>
internal enum ConditionOperator
{
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    NumericEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,

    /// <summary>ArnEquals and ArnLike: IAM documents both as per-part wildcard matches.</summary>
    ArnLike,
    Null,
}
