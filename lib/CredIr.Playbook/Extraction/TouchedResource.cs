namespace CredIr.Playbook.Extraction;

/// <summary>A resource a record touched. <see cref="Type"/> uses CloudFormation type names ("AWS::IAM::User").</summary>
public sealed record TouchedResource(string Type, string Id, string? Arn, string? AccountId, string? Region, ChangeKind Change)
{
    /// <summary>Identity of the resource regardless of what was done to it.</summary>
    public string Key => $"{Type}|{AccountId}|{Region}|{Id}";
}
