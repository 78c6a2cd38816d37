using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CredIr.Gateway.Rest;

/// <summary>
/// OpenAPI 3 generated from incidents.proto's google.api.http rules and the hand-written routes' table,
/// so the document cannot drift from the routes.
/// </summary>
internal static partial class OpenApiDocument
{
    public static string Build(IReadOnlyList<TranscodedRoute> transcoded, IReadOnlyList<RestRoute> handWritten)
    {
        var paths = new JsonObject();
        var routes = transcoded
            .Select(static r => (r.Verb, r.Pattern, r.Method, Summary: $"{r.Method} (from its google.api.http rule)",
                RequestMessage: r.HasBody ? r.RequestMessage : null, r.ResponseMessage))
            .Concat(handWritten.Select(static r => (r.Verb, r.Pattern, r.Method, r.Summary, r.RequestMessage, r.ResponseMessage)));
        foreach (var route in routes)
        {
            if (paths[route.Pattern] is not JsonObject item)
            {
                item = new JsonObject();
                paths[route.Pattern] = item;
            }

            var parameters = new JsonArray();
            foreach (Match m in RouteParameter().Matches(route.Pattern))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = m.Groups[1].Value,
                    ["in"] = "path",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = "string" },
                });
            }

            var operation = new JsonObject
            {
                ["operationId"] = route.Method,
                ["summary"] = route.Summary,
                ["description"] = $"Calls credir.v1.Incidents/{route.Method}; messages in the proto3 JSON mapping.",
                ["parameters"] = parameters,
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject { ["description"] = route.ResponseMessage },
                    ["default"] = new JsonObject { ["description"] = "{\"error\":{\"code\":\"<gRPC status name>\",\"message\":\"...\"}}" },
                },
                ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            };
            if (route.RequestMessage is { } request)
            {
                operation["requestBody"] = new JsonObject
                {
                    ["description"] = $"credir.v1.{request} (proto3 JSON)",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                };
            }

            item[route.Verb.ToLowerInvariant()] = operation;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "CredIr gateway", ["version"] = "v1" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
        };
        return document.ToJsonString();
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
