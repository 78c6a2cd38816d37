namespace CredIr.Gateway.Rest;

/// <summary>One REST route: mapped as an endpoint and described in /openapi.json from the same entry.</summary>
internal sealed record RestRoute(
    string Verb,
    string Pattern,
    string Method,
    string Summary,
    string? RequestMessage,
    string ResponseMessage,
    Func<RestCall, Task> Handle);
