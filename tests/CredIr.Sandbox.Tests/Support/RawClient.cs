using System.Text.Json.Nodes;
using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox.Tests.Support;

/// <summary>Sends one signed request built like a scenario step, for what an SDK cannot send (unknown actions, skewed clocks).</summary>
internal static class RawClient
{
    private static readonly HttpClient Http = new();

    public static async Task<(int Status, string Body)> SendAsync(SandboxHost sandbox, SandboxCredentials credentials, string service, string action,
        JsonObject? parameters = null, DateTimeOffset? signedAt = null)
    {
        var step = new ScenarioStep { Service = service, Action = action, As = "test", Parameters = parameters ?? [] };
        var (request, body) = StepRequestBuilder.Build(sandbox.Endpoint, step);
        using (request)
        {
            StepSigner.Sign(request, body, credentials, "us-east-1", service, signedAt ?? TimeProvider.System.GetUtcNow());
            using var response = await Http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
