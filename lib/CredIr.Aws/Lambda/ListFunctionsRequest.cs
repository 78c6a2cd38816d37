namespace CredIr.Aws;

/// <summary>Lists functions.</summary>
public sealed record ListFunctionsRequest(int? MaxItems = null);
