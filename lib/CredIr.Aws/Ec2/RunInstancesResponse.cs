namespace CredIr.Aws;

/// <summary>The reservation and instances launched.</summary>
public sealed record RunInstancesResponse(string? ReservationId, IReadOnlyList<Ec2Instance> Instances, string? RequestId);
