namespace CredIr.Identification.Inputs;

/// <summary>What an IAM/STS principal ARN names.</summary>
public enum PrincipalKind
{
    Unknown = 0,
    IamUser = 1,
    Role = 2,
    AssumedRole = 3,
    FederatedUser = 4,
    Root = 5,
}
