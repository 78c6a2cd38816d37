namespace CredIr.Aws;

/// <summary>Starts a query.</summary>
public sealed record StartQueryExecutionRequest(string QueryString)
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }

    public string? WorkGroup { get; init; }

    public string? OutputLocation { get; init; }

    public string? ClientRequestToken { get; init; }
}
