namespace CredIr.Aws;

/// <summary>Gets a function.</summary>
public sealed record GetFunctionRequest(string FunctionName, string? Qualifier = null);
