namespace CredIr.Aws;

/// <summary>Creates a customer managed policy.</summary>
public sealed record CreatePolicyRequest(string PolicyName, string PolicyDocument)
{
    public string? Path { get; init; }

    public string? Description { get; init; }
}
