namespace CredIr.Aws;

/// <summary>The kinds of IAM principal a managed policy attaches to.</summary>
public enum IamEntityKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM group.</summary>
    Group,

    /// <summary>An IAM role.</summary>
    Role,
}
