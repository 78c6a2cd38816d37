namespace CredIr.Aws;

/// <summary>One page of results: the columns and rows (the first row of the first page is the header for SELECT).</summary>
public sealed record AthenaResultPage(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string? NextToken);
