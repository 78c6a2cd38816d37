using System.Net;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Rest;

public sealed class IncidentRestTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string Responder = Tokens.For("rita", "responder");
    private static readonly string Viewer = Tokens.For("vera", "viewer");
    private static readonly string Approver = Tokens.For("alan", "approver");

    private GatewayHost Gateway => fixture.Gateway;

    private async Task<string> OpenAsync(string requestId)
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, Json.OpenBody(requestId, "leaked key " + requestId)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await Json.ReadAsync(response)).GetProperty("incidentId").GetString()!;
    }

    [Fact]
    public async Task Create_WithResponderToken_ReturnsIncidentOpenedByCaller()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, Json.OpenBody("rest-create", "leaked key")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var incident = await Json.ReadAsync(response);
        Assert.Equal("leaked key", incident.GetProperty("title").GetString());
        Assert.Equal("rita", incident.GetProperty("openedBy").GetString());
    }

    [Fact]
    public async Task Get_AfterCreate_ReturnsTheIncidentToAViewer()
    {
        var id = await OpenAsync("rest-get");

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, $"/v1/incidents/{id}", Viewer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await Json.ReadAsync(response)).GetProperty("incidentId").GetString());
    }

    [Fact]
    public async Task List_AfterCreate_IncludesTheIncident()
    {
        var id = await OpenAsync("rest-list");

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents?page_size=100", Viewer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await Json.ReadAsync(response)).GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString());
        Assert.Contains(id, ids);
    }

    [Fact]
    public async Task List_ByPhaseParameter_KeepsOnlyThatPhase()
    {
        using var opened = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, Json.OpenBody("rest-phase", "by phase")));
        var incident = await Json.ReadAsync(opened);
        var (id, phase) = (incident.GetProperty("incidentId").GetString(), incident.GetProperty("phase").GetString());

        using var same = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, $"/v1/incidents?phase={phase}&page_size=100", Viewer));
        using var closed = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents?phase=PHASE_CLOSED&page_size=100", Viewer));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (same.StatusCode, closed.StatusCode));
        Assert.Contains(id, Ids(await Json.ReadAsync(same)));
        Assert.DoesNotContain(id, Ids(await Json.ReadAsync(closed)));
    }

    [Fact]
    public async Task List_UnknownPhase_Returns400InvalidArgument()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents?phase=PHASE_SLEEPING", Viewer));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    private static IEnumerable<string?> Ids(System.Text.Json.JsonElement list) =>
        list.TryGetProperty("incidents", out var incidents) ? incidents.EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()) : [];

    [Fact]
    public async Task Get_UnknownIncident_Returns404WithJsonError()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents/no-such-incident", Viewer));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal("NOT_FOUND", error.GetProperty("code").GetString());
        Assert.Contains("no-such-incident", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BodyNotJson_Returns400InvalidArgument()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, "{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_BodyOverJsonLimit_Returns413WithJsonError()
    {
        var huge = Json.OpenBody("rest-huge", new string('x', 1024 * 1024 + 10));

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RESOURCE_EXHAUSTED", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Approve_WithApproverToken_ReachesTheService()
    {
        var id = await OpenAsync("rest-approve");

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, $"/v1/incidents/{id}/approvals/no-such-approval:approve", Approver, "{}"));

        // No plan is pending (no phase services here), so the coordinator itself answers: the gateway let the approver through.
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no-such-approval", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithViewerToken_Returns403NamingTheRole()
    {
        var id = await OpenAsync("rest-approve-viewer");

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, $"/v1/incidents/{id}/approvals/a1:approve", Viewer, "{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("code").GetString());
        Assert.Contains("approver", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNote_ThenGet_ShowsTheNoteByTheCaller()
    {
        var id = await OpenAsync("rest-note");

        using var note = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, $"/v1/incidents/{id}/notes", Responder, """{"requestId":"n1","text":"rotated"}"""));

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var notes = (await Json.ReadAsync(note)).GetProperty("notes").EnumerateArray().ToList();
        Assert.Contains(notes, n => n.GetProperty("text").GetString() == "rotated" && n.GetProperty("author").GetString() == "rita");
    }

    [Fact]
    public async Task OpenApi_ListsEveryRoute()
    {
        using var response = await Gateway.Http.GetAsync(new Uri("/openapi.json", UriKind.Relative));

        var paths = (await Json.ReadAsync(response)).GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/incidents").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/incidents/{incident_id}/approvals/{approval_id}:approve").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/incidents/{id}/watch").TryGetProperty("get", out _));
    }
}
