using System.Globalization;
using System.Text.Json.Nodes;
using CredIr.HuaweiCloud.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.HuaweiCloud.Iam;

/// <summary>
/// IAM (global endpoint) on AK/SK: permanent access keys (v3.0 OS-CREDENTIAL), users (v3.0 OS-USER),
/// temporary AK/SK (securitytokens) and projects (v3). One long-lived instance; thread-safe.
/// </summary>
public sealed class HuaweiIamClient
{
    private readonly HuaweiApi _api;
    private readonly Uri _endpoint;

    public HuaweiIamClient(HttpClient http, HuaweiCloudOptions options, TimeProvider? time = null, ILogger<HuaweiIamClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _endpoint = options.IamEndpoint;
        _api = new HuaweiApi(http, options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>An AK's owner (user id), status and last use. 404 when the AK does not exist (or was deleted).</summary>
    public async Task<AccessKeyInfo> GetAccessKeyAsync(string accessKeyId, CancellationToken ct) =>
        (await _api.SendAsync<CredentialEnvelope>(HttpMethod.Get, _endpoint, $"/v3.0/OS-CREDENTIAL/credentials/{Escape(accessKeyId)}", null, null, "GetAccessKey", ct)).Credential;

    /// <summary>Every permanent AK of a user.</summary>
    public async Task<IReadOnlyList<AccessKeyInfo>> ListAccessKeysAsync(string userId, CancellationToken ct) =>
        (await _api.SendAsync<CredentialsEnvelope>(HttpMethod.Get, _endpoint, "/v3.0/OS-CREDENTIAL/credentials", [new("user_id", userId)], null, "ListAccessKeys", ct)).Credentials;

    /// <summary>Sets an AK active or inactive; inactive is containment: the key stops working but stays as evidence.</summary>
    public async Task<AccessKeyInfo> SetAccessKeyStatusAsync(string accessKeyId, bool active, CancellationToken ct) =>
        (await _api.SendAsync<CredentialEnvelope>(HttpMethod.Put, _endpoint, $"/v3.0/OS-CREDENTIAL/credentials/{Escape(accessKeyId)}", null,
            new CredentialStatusBody(new CredentialStatus(active ? "active" : "inactive")), "UpdateAccessKey", ct)).Credential;

    /// <summary>Deletes an AK for good.</summary>
    public Task DeleteAccessKeyAsync(string accessKeyId, CancellationToken ct) =>
        _api.SendAsync(HttpMethod.Delete, _endpoint, $"/v3.0/OS-CREDENTIAL/credentials/{Escape(accessKeyId)}", null, null, "DeleteAccessKey", ct);

    /// <summary>Creates a permanent AK/SK for a user (what an actor does to persist; the SK is shown once).</summary>
    public async Task<CreatedAccessKey> CreateAccessKeyAsync(string userId, string? description, CancellationToken ct)
    {
        var node = await _api.SendAsync(HttpMethod.Post, _endpoint, "/v3.0/OS-CREDENTIAL/credentials", null,
            new CreateCredentialBody(new CreateCredential(userId, description)), "CreateAccessKey", ct);
        var credential = node?["credential"] ?? throw new HuaweiCloudException("CreateAccessKey answered without a credential");
        var info = new AccessKeyInfo
        {
            Access = Required(credential, "access", "CreateAccessKey"),
            UserId = Required(credential, "user_id", "CreateAccessKey"),
            Status = Required(credential, "status", "CreateAccessKey"),
            CreateTime = credential["create_time"] is JsonValue t ? DateTimeOffset.Parse(t.ToString(), CultureInfo.InvariantCulture) : null,
            Description = credential["description"]?.ToString(),
        };
        return new CreatedAccessKey(info, new HuaweiCredentials(info.Access, Required(credential, "secret", "CreateAccessKey")));
    }

    public async Task<IamUser> GetUserAsync(string userId, CancellationToken ct) =>
        (await _api.SendAsync<UserEnvelope>(HttpMethod.Get, _endpoint, $"/v3.0/OS-USER/users/{Escape(userId)}", null, null, "GetUser", ct)).User;

    /// <summary>The id of the user with this name (IAM v3 <c>GET /v3/users?name=</c>), or null when the account has none.</summary>
    public async Task<string?> FindUserIdAsync(string userName, CancellationToken ct) =>
        (await _api.SendAsync(HttpMethod.Get, _endpoint, "/v3/users", [new("name", userName)], null, "ListUsers", ct))?["users"] is JsonArray users
            ? users.FirstOrDefault(u => u?["name"]?.ToString() == userName)?["id"]?.ToString()
            : null;

    /// <summary>Deletes a user (IAM v3 <c>DELETE /v3/users/{user_id}</c>): its AKs go with it. 404 when there is no such user.</summary>
    public Task DeleteUserAsync(string userId, CancellationToken ct) =>
        _api.SendAsync(HttpMethod.Delete, _endpoint, $"/v3/users/{Escape(userId)}", null, null, "DeleteUser", ct);

    /// <summary>Enables or disables a user: a disabled user can neither sign in nor use any of its AKs.</summary>
    public async Task<IamUser> SetUserEnabledAsync(string userId, bool enabled, CancellationToken ct) =>
        (await _api.SendAsync<UserEnvelope>(HttpMethod.Put, _endpoint, $"/v3.0/OS-USER/users/{Escape(userId)}", null,
            new UserEnabledBody(new UserEnabled(enabled)), "UpdateUser", ct)).User;

    /// <summary>Turns login protection (a second factor at console sign-in) on or off.</summary>
    public async Task<LoginProtection> SetLoginProtectionAsync(string userId, bool enabled, string verificationMethod, CancellationToken ct) =>
        (await _api.SendAsync<LoginProtectEnvelope>(HttpMethod.Put, _endpoint, $"/v3.0/OS-USER/users/{Escape(userId)}/login-protect", null,
            new LoginProtectEnvelope(new LoginProtection { Enabled = enabled, VerificationMethod = verificationMethod }), "UpdateLoginProtect", ct)).LoginProtect;

    public async Task<LoginProtection> GetLoginProtectionAsync(string userId, CancellationToken ct) =>
        (await _api.SendAsync<LoginProtectEnvelope>(HttpMethod.Get, _endpoint, $"/v3.0/OS-USER/users/{Escape(userId)}/login-protect", null, null, "GetLoginProtect", ct)).LoginProtect;

    /// <summary>A temporary AK/SK and security token for the caller, or for an agency it may assume.</summary>
    public async Task<TemporaryAccessKey> CreateTemporaryAccessKeyAsync(TemporaryAccessKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seconds = (int)request.Duration.TotalSeconds;
        JsonObject identity = request.AgencyName is { } agency
            ? new JsonObject
            {
                ["methods"] = new JsonArray("assume_role"),
                ["assume_role"] = new JsonObject { ["agency_name"] = agency, ["domain_name"] = request.DomainName, ["duration_seconds"] = seconds },
            }
            : new JsonObject
            {
                ["methods"] = new JsonArray("token"),
                ["token"] = new JsonObject { ["duration_seconds"] = seconds },
            };
        var node = await _api.SendAsync(HttpMethod.Post, _endpoint, "/v3.0/OS-CREDENTIAL/securitytokens", null,
            new SecurityTokenBody(new JsonObject { ["identity"] = identity }), "CreateTemporaryAccessKey", ct);
        var credential = node?["credential"] ?? throw new HuaweiCloudException("CreateTemporaryAccessKey answered without a credential");
        return new TemporaryAccessKey(
            new HuaweiCredentials(Required(credential, "access", "CreateTemporaryAccessKey"), Required(credential, "secret", "CreateTemporaryAccessKey"),
                Required(credential, "securitytoken", "CreateTemporaryAccessKey")),
            DateTimeOffset.Parse(Required(credential, "expires_at", "CreateTemporaryAccessKey"), CultureInfo.InvariantCulture));
    }

    /// <summary>A custom policy (IAM v3.0 <c>GET /v3.0/OS-ROLE/roles/{role_id}</c>): the role object, its <c>policy</c> document included.</summary>
    public async Task<JsonObject> GetCustomPolicyAsync(string roleId, CancellationToken ct) =>
        (await _api.SendAsync(HttpMethod.Get, _endpoint, $"/v3.0/OS-ROLE/roles/{Escape(roleId)}", null, null, "GetCustomPolicy", ct))?["role"] as JsonObject
        ?? throw new HuaweiCloudException("GetCustomPolicy answered without a role");

    /// <summary>Replaces a custom policy's document (IAM v3.0 <c>PATCH /v3.0/OS-ROLE/roles/{role_id}</c>), keeping its name, type and description.</summary>
    public async Task<JsonObject> UpdateCustomPolicyAsync(string roleId, JsonObject current, JsonObject policy, CancellationToken ct)
    {
        var role = new JsonObject
        {
            ["display_name"] = current["display_name"]?.DeepClone(),
            ["type"] = current["type"]?.DeepClone(),
            ["description"] = current["description"]?.DeepClone(),
            ["policy"] = policy.DeepClone(),
        };
        return (await _api.SendAsync(new HttpMethod("PATCH"), _endpoint, $"/v3.0/OS-ROLE/roles/{Escape(roleId)}", null, new JsonObject { ["role"] = role }, "UpdateCustomPolicy", ct))?["role"] as JsonObject
            ?? throw new HuaweiCloudException("UpdateCustomPolicy answered without a role");
    }

    /// <summary>Projects of the caller's account, optionally only the one named (a region id gives that region's project).</summary>
    public async Task<IReadOnlyList<IamProject>> ListProjectsAsync(string? name, CancellationToken ct) =>
        (await _api.SendAsync<ProjectsEnvelope>(HttpMethod.Get, _endpoint, "/v3/projects", [new("name", name)], null, "ListProjects", ct)).Projects;

    /// <summary>The project id of a region (CTS traces are per project).</summary>
    public async Task<string> GetRegionProjectIdAsync(string region, CancellationToken ct) =>
        (await ListProjectsAsync(region, ct)).FirstOrDefault(p => p.Name == region)?.Id
        ?? throw new HuaweiCloudException(System.Net.HttpStatusCode.NotFound, "ProjectNotFound", $"the account has no project for region {region}", null, "ListProjects");

    private static string Escape(string segment) =>
        string.IsNullOrWhiteSpace(segment) ? throw new ArgumentException("an id is required") : Uri.EscapeDataString(segment);

    private static string Required(JsonNode node, string name, string operation) =>
        node[name]?.ToString() ?? throw new HuaweiCloudException($"{operation} answered without {name}");
}
