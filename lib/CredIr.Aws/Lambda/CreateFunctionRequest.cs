namespace CredIr.Aws;

/// <summary>Creates a function from a zip (tests and game days use it).</summary>
public sealed record CreateFunctionRequest(string FunctionName, string Role, ReadOnlyMemory<byte> ZipFile, string Runtime = "python3.12", string Handler = "index.handler");
