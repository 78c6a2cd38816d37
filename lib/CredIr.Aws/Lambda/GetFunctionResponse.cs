namespace CredIr.Aws;

/// <summary>A function, where its code is, and its tags.</summary>
public sealed record GetFunctionResponse(LambdaFunction Configuration, string? CodeLocation, IReadOnlyDictionary<string, string> Tags, string? RequestId);
