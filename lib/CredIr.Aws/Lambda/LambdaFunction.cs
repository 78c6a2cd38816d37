namespace CredIr.Aws;

/// <summary>A function's configuration.</summary>
public sealed record LambdaFunction(string FunctionName, string FunctionArn, string? Runtime, string? Role, string? Handler, string? Description, string? LastModified, string? CodeSha256, string? Version);
