namespace CredIr.Sandbox.Hosting;

/// <summary>What routing needs to know of a request: method, decoded path segments, query, the named action, and whether it names a copy source (S3 CopyObject is a PUT told apart only by that header).</summary>
internal sealed record RequestLine(string Method, IReadOnlyList<string> Segments, IReadOnlyDictionary<string, string> Query, string? Action, bool CopySource = false);
