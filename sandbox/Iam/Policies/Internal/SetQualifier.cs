namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>ForAnyValue: / ForAllValues: on a condition operator, for multivalued context keys.</summary>
internal enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}
