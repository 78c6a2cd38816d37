namespace CredIr.Aws;

/// <summary>Deletes a function (or one version).</summary>
public sealed record DeleteFunctionRequest(string FunctionName, string? Qualifier = null);
