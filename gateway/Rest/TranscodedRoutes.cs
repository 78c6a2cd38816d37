using Google.Api;

namespace CredIr.Gateway.Rest;

/// <summary>One google.api.http rule of credir.v1.Incidents: the route JSON transcoding serves for an rpc.</summary>
internal sealed record TranscodedRoute(string Verb, string Pattern, string Method, string RequestMessage, string ResponseMessage, bool HasBody);

/// <summary>
/// The REST routes defined in incidents.proto's google.api.http annotations, read from the generated
/// descriptors: the gateway routes, authorizes and documents (OpenAPI) exactly what the service transcodes.
/// </summary>
internal static class TranscodedRoutes
{
    public const string Service = "credir.v1.Incidents";

    public static readonly IReadOnlyList<TranscodedRoute> All = Read(Contracts.V1.Incidents.Descriptor);

    private static List<TranscodedRoute> Read(Google.Protobuf.Reflection.ServiceDescriptor service)
    {
        var routes = new List<TranscodedRoute>();
        foreach (var method in service.Methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }

            var (verb, pattern) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
                HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
                HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
                HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
                HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
                _ => throw new InvalidOperationException($"{service.FullName}/{method.Name}: only get, post, put, delete and patch rules are routed."),
            };
            routes.Add(new TranscodedRoute(verb, pattern, method.Name, method.InputType.Name, method.OutputType.Name, !string.IsNullOrEmpty(rule.Body)));
        }

        return routes;
    }
}
