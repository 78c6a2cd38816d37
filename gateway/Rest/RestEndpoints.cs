using CredIr.Gateway.Auth;
using CredIr.Gateway.InProcess;
using CredIr.Gateway.Proxy;
using Grpc.Core;

namespace CredIr.Gateway.Rest;

internal static class RestEndpoints
{
    private const string IncidentsService = "credir.v1.Incidents";

    public static void MapRest(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in IncidentRoutes.All)
        {
            endpoints.MapMethods(route.Pattern, [route.Verb], http => HandleAsync(http, route))
                .WithMetadata(new RequiredMethod(IncidentsService, route.Method))
                .RequireCors(GatewayCors.PolicyName);
        }

        var openApi = OpenApiDocument.Build(TranscodedRoutes.All, IncidentRoutes.All);
        endpoints.MapGet("/openapi.json", (HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync(openApi, http.RequestAborted);
        }).RequireCors(GatewayCors.PolicyName);
    }

    private static async Task HandleAsync(HttpContext http, RestRoute route)
    {
        var services = http.RequestServices;
        var inProcess = services.GetRequiredService<InProcessServices>().Contains("Incidents");
        var backend = inProcess ? null : services.GetRequiredService<IncidentsChannels>().Pick();
        if (!inProcess && backend is null)
        {
            await GatewayErrors.WriteJsonAsync(http, StatusCode.Unavailable, "No healthy instance of credir.v1.Incidents.").ConfigureAwait(false);
            return;
        }

        var incidents = backend is null ? services.GetRequiredService<Contracts.V1.Incidents.IncidentsClient>() : new Contracts.V1.Incidents.IncidentsClient(backend.Value.Channel);
        try
        {
            await route.Handle(new RestCall(http, incidents, inProcess ? null : services.GetRequiredService<UpstreamIdentityTransform>())).ConfigureAwait(false);
        }
        catch (RpcException e) when (!http.Response.HasStarted)
        {
            await GatewayErrors.WriteJsonAsync(http, e.StatusCode, e.Status.Detail).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (!http.Response.HasStarted && backend is not null)
        {
            await GatewayErrors.WriteJsonAsync(http, StatusCode.Unavailable, "credir.v1.Incidents is unreachable.").ConfigureAwait(false);
        }
        catch (Exception e) when ((e is RpcException or OperationCanceledException) && http.Response.HasStarted)
        {
            // The stream already began (SSE): ending it is the only signal left.
        }
    }
}
