using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// IAM's routes: v3 projects, v3.0 OS-CREDENTIAL (permanent and temporary AK/SKs), OS-USER (users, login
/// protection), OS-ROLE (custom policies), OS-AGENCY. Bodies and fields as Huawei's API reference gives them.
/// Called under HuaweiState.Gate's discipline: each handler takes the lock itself.
/// </summary>
internal static partial class HuaweiIamApi
{
    public static HuaweiResult Handle(HuaweiState state, HuaweiCall call)
    {
        lock (state.Gate)
        {
            return (call.Method, call.Segments) switch
            {
                ("GET", ["v3", "projects"]) => ListProjects(state, call),
                ("GET", ["v3.0", "OS-CREDENTIAL", "credentials"]) => ListCredentials(state, call),
                ("POST", ["v3.0", "OS-CREDENTIAL", "credentials"]) => CreateCredential(state, call),
                ("GET", ["v3.0", "OS-CREDENTIAL", "credentials", var ak]) => GetCredential(state, call, ak),
                ("PUT", ["v3.0", "OS-CREDENTIAL", "credentials", var ak]) => UpdateCredential(state, call, ak),
                ("DELETE", ["v3.0", "OS-CREDENTIAL", "credentials", var ak]) => DeleteCredential(state, call, ak),
                ("POST", ["v3.0", "OS-CREDENTIAL", "securitytokens"]) => CreateSecurityToken(state, call),
                ("POST", ["v3.0", "OS-USER", "users"]) => CreateUser(state, call),
                ("GET", ["v3.0", "OS-USER", "users", var id]) => GetUser(state, call, id),
                ("PUT", ["v3.0", "OS-USER", "users", var id]) => UpdateUser(state, call, id),
                ("DELETE", ["v3", "users", var id]) => DeleteUser(state, call, id),
                ("GET", ["v3", "users"]) => ListUsers(state, call),
                ("GET", ["v3.0", "OS-USER", "users", var id, "login-protect"]) => GetLoginProtect(state, call, id),
                ("PUT", ["v3.0", "OS-USER", "users", var id, "login-protect"]) => SetLoginProtect(state, call, id),
                ("POST", ["v3.0", "OS-ROLE", "roles"]) => CreateRole(state, call),
                ("GET", ["v3.0", "OS-ROLE", "roles", var id]) => GetRole(state, call, id),
                ("PATCH", ["v3.0", "OS-ROLE", "roles", var id]) => UpdateRole(state, call, id),
                ("GET", ["v3.0", "OS-AGENCY", "agencies"]) => ListAgencies(state, call),
                _ => throw new HuaweiApiException(HttpStatusCode.NotFound, "APIGW.0101", "The API does not exist or has not been published in the environment"),
            };
        }
    }

    private static HuaweiResult ListProjects(HuaweiState state, HuaweiCall call)
    {
        Name(call, "listProjects", "project", call.Query.GetValueOrDefault("name"), null, "3");
        var name = call.Query.GetValueOrDefault("name");
        var projects = new JsonArray(state.Projects.Where(p => name is null || p.Key == name).Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Value, ["name"] = p.Key, ["domain_id"] = state.DomainId, ["parent_id"] = state.DomainId,
            ["enabled"] = true, ["is_domain"] = false, ["description"] = "",
        }).ToArray());
        return Ok(new JsonObject { ["projects"] = projects, ["links"] = new JsonObject { ["self"] = "/v3/projects", ["previous"] = null, ["next"] = null } });
    }

    private static HuaweiResult ListCredentials(HuaweiState state, HuaweiCall call)
    {
        var userId = call.Query.GetValueOrDefault("user_id") ?? call.Caller.User.Id;
        Name(call, "listCredentials", "credential", null, userId);
        var keys = state.Keys.Values.Where(k => k.UserId == userId && !k.Deleted).OrderBy(static k => k.Created).Select(k => (JsonNode)Credential(k, lastUse: false));
        return Ok(new JsonObject { ["credentials"] = new JsonArray(keys.ToArray()) });
    }

    private static HuaweiResult GetCredential(HuaweiState state, HuaweiCall call, string ak)
    {
        Name(call, "getCredential", "credential", ak, ak);
        return Ok(new JsonObject { ["credential"] = Credential(Key(state, ak), lastUse: true) });
    }

    private static HuaweiResult UpdateCredential(HuaweiState state, HuaweiCall call, string ak)
    {
        Name(call, "updateCredential", "credential", ak, ak);
        var key = Key(state, ak);
        var credential = call.Body?["credential"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: credential.");
        if (credential["status"] is JsonValue s)
        {
            var status = s.ToString();
            key.Status = status is "active" or "inactive" ? status : throw HuaweiApiException.BadRequest("1100", $"Invalid credential.status '{status}': active or inactive.");
        }

        if (credential["description"] is JsonValue d)
        {
            key.Description = d.ToString();
        }

        return Ok(new JsonObject { ["credential"] = Credential(key, lastUse: false) });
    }

    private static HuaweiResult DeleteCredential(HuaweiState state, HuaweiCall call, string ak)
    {
        Name(call, "deleteCredential", "credential", ak, ak);
        Key(state, ak).Deleted = true;
        return new HuaweiResult(HttpStatusCode.NoContent, null);
    }

    private static HuaweiResult CreateCredential(HuaweiState state, HuaweiCall call)
    {
        Name(call, "createCredential", "credential", null, null);
        var credential = call.Body?["credential"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: credential.");
        var userId = credential["user_id"]?.ToString() ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: credential.user_id.");
        var user = User(state, userId);
        var key = new HwAccessKey
        {
            Id = state.AccessKeyId(), Secret = state.Secret(), UserId = user.Id, Created = call.Time, Description = credential["description"]?.ToString(),
        };
        state.Keys[key.Id] = key;
        Name(call, "createCredential", "credential", key.Id, key.Id);
        var body = Credential(key, lastUse: false);
        body["secret"] = key.Secret;
        return new HuaweiResult(HttpStatusCode.Created, new JsonObject { ["credential"] = body });
    }

    private static JsonObject Credential(HwAccessKey key, bool lastUse)
    {
        var json = new JsonObject
        {
            ["user_id"] = key.UserId, ["access"] = key.Id, ["status"] = key.Status, ["create_time"] = Time(key.Created), ["description"] = key.Description ?? "",
        };
        if (lastUse)
        {
            // Huawei: "If the access key has never been used, the creation time of the access key is returned."
            json["last_use_time"] = Time(key.LastUsed ?? key.Created);
        }

        return json;
    }

    private static HwAccessKey Key(HuaweiState state, string ak) =>
        state.Keys.TryGetValue(ak, out var key) && !key.Deleted ? key : throw HuaweiApiException.NotFound($"credential: {ak}");

    internal static HwUser User(HuaweiState state, string id) =>
        state.Users.TryGetValue(id, out var user) ? user : throw HuaweiApiException.NotFound($"user: {id}");

    internal static void Name(HuaweiCall call, string trace, string resourceType, string? resourceName, string? resourceId, string apiVersion = "3.0")
    {
        call.TraceName = trace;
        call.ResourceType = resourceType;
        call.ResourceName = resourceName;
        call.ResourceId = resourceId;
        call.ApiVersion = apiVersion;
    }

    internal static HuaweiResult Ok(JsonNode body) => new(HttpStatusCode.OK, body);

    // IAM's timestamps: UTC with microseconds, e.g. 2023-06-28T08:56:33.710000Z.
    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
