namespace CredIr.Sandbox.Hosting;

/// <summary>What routing needs to know of a request: method, decoded path segments, query, and the named action.</summary>
internal sealed record RequestLine(string Method, IReadOnlyList<string> Segments, IReadOnlyDictionary<string, string> Query, string? Action);
