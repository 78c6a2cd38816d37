namespace CredIr.Sandbox.Model;

internal sealed record LambdaFunction(string Name, string Arn, string Region, string Role, string Runtime, string Handler, DateTimeOffset Modified, long CodeSize, string CodeSha256)
{
    public string? Description { get; init; }
    public int Timeout { get; init; } = 3;
    public int MemorySize { get; init; } = 128;
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
