namespace CredIr.Playbook.Trail;

/// <summary>One entry of a record's resources[] array.</summary>
public sealed record RecordResource(string? Arn, string? Type, string? AccountId);
