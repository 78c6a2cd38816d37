namespace CredIr.Aws;

/// <summary>Lists which instance profile each instance carries.</summary>
public sealed record DescribeIamInstanceProfileAssociationsRequest(IReadOnlyList<Ec2Filter>? Filters = null, IReadOnlyList<string>? AssociationIds = null);
