using System.Net;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>IAM users, login protection, custom policies, agencies and temporary AK/SKs.</summary>
internal static partial class HuaweiIamApi
{
    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(900);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    private static HuaweiResult CreateUser(HuaweiState state, HuaweiCall call)
    {
        Name(call, "createUser", "user", null, null);
        var body = call.Body?["user"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: user.");
        var name = body["name"]?.ToString();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 32)
        {
            throw HuaweiApiException.BadRequest("1101", "Invalid user name: 1 to 32 characters.");
        }

        if (body["domain_id"]?.ToString() is { } domain && domain != state.DomainId)
        {
            throw new HuaweiApiException(HttpStatusCode.Forbidden, "IAM.0002", "You are not authorized to create users in another account.");
        }

        if (state.UserByName(name) is not null)
        {
            throw new HuaweiApiException(HttpStatusCode.Conflict, "1109", $"The user name {name} already exists.");
        }

        var user = new HwUser
        {
            Id = state.HexId(), Name = name, Created = call.Time, Description = body["description"]?.ToString(),
            Enabled = body["enabled"] is not JsonValue e || e.GetValue<bool>(),
        };
        state.Users[user.Id] = user;
        Name(call, "createUser", "user", user.Name, user.Id);
        return new HuaweiResult(HttpStatusCode.Created, new JsonObject { ["user"] = UserJson(state, user) });
    }

    private static HuaweiResult GetUser(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "getUser", "user", null, id);
        var user = User(state, id);
        call.ResourceName = user.Name;
        return Ok(new JsonObject { ["user"] = UserJson(state, user) });
    }

    // Keystone's GET /v3/users (?name= filters): the account's users.
    private static HuaweiResult ListUsers(HuaweiState state, HuaweiCall call)
    {
        Name(call, "listUsers", "user", null, null, apiVersion: "3");
        var name = call.Query.GetValueOrDefault("name");
        var users = state.Users.Values.Where(u => name is null || u.Name == name).OrderBy(static u => u.Name, StringComparer.Ordinal)
            .Select(u => (JsonNode)UserJson(state, u));
        return Ok(new JsonObject { ["users"] = new JsonArray(users.ToArray()) });
    }

    // Keystone's DELETE /v3/users/{user_id}: the user goes, and its AKs with it.
    private static HuaweiResult DeleteUser(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "deleteUser", "user", null, id, apiVersion: "3");
        var user = User(state, id);
        call.ResourceName = user.Name;
        state.Users.Remove(id);
        foreach (var key in state.Keys.Values.Where(k => k.UserId == id))
        {
            key.Deleted = true;
        }

        return new HuaweiResult(HttpStatusCode.NoContent, null);
    }

    private static HuaweiResult UpdateUser(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "updateUser", "user", null, id);
        var user = User(state, id);
        call.ResourceName = user.Name;
        var body = call.Body?["user"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: user.");
        if (body["enabled"] is JsonValue enabled)
        {
            user.Enabled = enabled.GetValue<bool>();
        }

        if (body["description"] is JsonValue description)
        {
            user.Description = description.ToString();
        }

        return Ok(new JsonObject { ["user"] = UserJson(state, user) });
    }

    private static JsonObject UserJson(HuaweiState state, HwUser user) => new()
    {
        ["id"] = user.Id, ["name"] = user.Name, ["domain_id"] = state.DomainId, ["enabled"] = user.Enabled,
        ["description"] = user.Description ?? "", ["access_mode"] = "default", ["is_domain_owner"] = false,
        ["create_time"] = Time(user.Created), ["pwd_status"] = true,
    };

    private static HuaweiResult GetLoginProtect(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "getLoginProtect", "user", null, id);
        var user = User(state, id);
        call.ResourceName = user.Name;
        return Ok(LoginProtect(user));
    }

    private static HuaweiResult SetLoginProtect(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "updateLoginProtect", "user", null, id);
        var user = User(state, id);
        call.ResourceName = user.Name;
        var body = call.Body?["login_protect"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: login_protect.");
        var method = body["verification_method"]?.ToString() ?? "vmfa";
        if (method is not ("sms" or "email" or "vmfa"))
        {
            throw HuaweiApiException.BadRequest("1100", $"Invalid login_protect.verification_method '{method}': sms, email or vmfa.");
        }

        user.LoginProtect = body["enabled"] is JsonValue e && e.GetValue<bool>();
        user.LoginProtectMethod = method;
        return Ok(LoginProtect(user));
    }

    private static JsonObject LoginProtect(HwUser user) => new()
    {
        ["login_protect"] = new JsonObject { ["user_id"] = user.Id, ["enabled"] = user.LoginProtect, ["verification_method"] = user.LoginProtectMethod },
    };

    private static HuaweiResult CreateRole(HuaweiState state, HuaweiCall call)
    {
        Name(call, "createRole", "role", null, null);
        var body = call.Body?["role"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: role.");
        var role = new HwRole
        {
            Id = state.HexId(), Name = body["display_name"]?.ToString() ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: role.display_name."),
            Description = body["description"]?.ToString(), Created = call.Time, Updated = call.Time,
            Policy = body["policy"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: role.policy."),
        };
        state.Roles[role.Id] = role;
        Name(call, "createRole", "role", role.Name, role.Id);
        return new HuaweiResult(HttpStatusCode.Created, new JsonObject { ["role"] = RoleJson(state, role) });
    }

    private static HuaweiResult GetRole(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "getRole", "role", null, id);
        var role = state.Roles.GetValueOrDefault(id) ?? throw HuaweiApiException.NotFound($"role: {id}");
        Name(call, "getRole", "role", role.Name, role.Id);
        return Ok(new JsonObject { ["role"] = RoleJson(state, role) });
    }

    private static HuaweiResult UpdateRole(HuaweiState state, HuaweiCall call, string id)
    {
        Name(call, "updateRole", "role", null, id);
        var role = state.Roles.GetValueOrDefault(id) ?? throw HuaweiApiException.NotFound($"role: {id}");
        Name(call, "updateRole", "role", role.Name, role.Id);
        var body = call.Body?["role"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: role.");
        if (body["policy"] is JsonObject policy)
        {
            role.Policy = (JsonObject)policy.DeepClone();
        }

        if (body["display_name"] is JsonValue name)
        {
            role.Name = name.ToString();
        }

        if (body["description"] is JsonValue description)
        {
            role.Description = description.ToString();
        }

        role.Updated = call.Time;
        return Ok(new JsonObject { ["role"] = RoleJson(state, role) });
    }

    private static JsonObject RoleJson(HuaweiState state, HwRole role) => new()
    {
        ["id"] = role.Id, ["display_name"] = role.Name, ["name"] = "custom_" + role.Id[..8], ["type"] = "AX", ["domain_id"] = state.DomainId,
        ["description"] = role.Description ?? "", ["policy"] = role.Policy.DeepClone(),
        ["created_time"] = role.Created.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["updated_time"] = role.Updated.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static HuaweiResult ListAgencies(HuaweiState state, HuaweiCall call)
    {
        Name(call, "listAgencies", "agency", null, null);
        var agencies = state.Agencies.Values.OrderBy(static a => a.Name, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id, ["name"] = a.Name, ["domain_id"] = state.DomainId, ["trust_domain_name"] = a.TrustDomainName,
            ["description"] = a.Description ?? "", ["duration"] = "FOREVER", ["create_time"] = Time(a.Created),
        });
        return Ok(new JsonObject { ["agencies"] = new JsonArray(agencies.ToArray()) });
    }

    private static HuaweiResult CreateSecurityToken(HuaweiState state, HuaweiCall call)
    {
        Name(call, "createSecurityToken", "securitytoken", null, null);
        var identity = call.Body?["auth"]?["identity"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: auth.identity.");
        var method = identity["methods"] is JsonArray { Count: 1 } m ? m[0]?.ToString() : null;
        string? agencyName = null;
        int seconds;
        switch (method)
        {
            case "token":
                seconds = Seconds(identity["token"]?["duration_seconds"]);
                Name(call, "createSecurityToken", "securitytoken", call.Caller.User.Name, call.Caller.User.Id);
                break;
            case "assume_role":
                var assume = identity["assume_role"] as JsonObject ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: assume_role.");
                agencyName = assume["agency_name"]?.ToString() ?? throw HuaweiApiException.BadRequest("1100", "Missing required parameter: assume_role.agency_name.");
                var domain = assume["domain_name"]?.ToString() ?? assume["domain_id"]?.ToString();
                Name(call, "assumeRole", "agency", agencyName, null);
                if (domain != state.DomainName && domain != state.DomainId || !state.Agencies.TryGetValue(agencyName, out var agency))
                {
                    throw HuaweiApiException.NotFound($"agency: {agencyName} in {domain}");
                }

                if (agency.TrustDomainName != state.DomainName)
                {
                    throw new HuaweiApiException(HttpStatusCode.Forbidden, "IAM.0002", $"The agency {agencyName} does not trust this account.");
                }

                call.ResourceId = agency.Id;
                seconds = Seconds(assume["duration_seconds"]);
                break;
            default:
                throw HuaweiApiException.BadRequest("1100", "auth.identity.methods must be [\"token\"] or [\"assume_role\"].");
        }

        var key = new HwTemporaryKey
        {
            Id = state.AccessKeyId(), Secret = state.Secret(), Token = state.SecurityToken(), UserId = call.Caller.User.Id, AgencyName = agencyName,
            Expires = call.Time.AddSeconds(seconds),
        };
        state.TemporaryKeys[key.Id] = key;
        return new HuaweiResult(HttpStatusCode.Created, new JsonObject
        {
            ["credential"] = new JsonObject { ["access"] = key.Id, ["secret"] = key.Secret, ["securitytoken"] = key.Token, ["expires_at"] = Time(key.Expires) },
        });
    }

    private static int Seconds(JsonNode? node)
    {
        var seconds = node is JsonValue v ? v.GetValue<int>() : (int)MinDuration.TotalSeconds;
        return seconds >= MinDuration.TotalSeconds && seconds <= MaxDuration.TotalSeconds
            ? seconds
            : throw HuaweiApiException.BadRequest("1100", $"Invalid duration_seconds {seconds}: 900 to 86400.");
    }
}
