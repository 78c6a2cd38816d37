using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Authorization;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Sts;

/// <summary>STS over the query protocol: identities and temporary credentials.</summary>
internal sealed class StsService : ISandboxService
{
    private static readonly HashSet<string> Operations = ["GetCallerIdentity", "GetAccessKeyInfo", "AssumeRole", "GetSessionToken", "GetFederationToken"];

    public ServiceModel Descriptor => ServiceModel.Sts;

    public string? Resolve(RequestLine line) => line.Action is { } a && Operations.Contains(a) ? a : null;

    public ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "GetCallerIdentity" => ServiceResult.Of(E("Arn", call.Caller.Arn), E("UserId", call.Caller.PrincipalId), E("Account", call.Caller.AccountId)),
        "GetAccessKeyInfo" => GetAccessKeyInfo(call),
        "AssumeRole" => AssumeRole(call),
        "GetSessionToken" => GetSessionToken(call),
        _ => GetFederationToken(call),
    };

    private static ServiceResult GetAccessKeyInfo(SandboxCall call)
    {
        var keyId = call.Form.Required("AccessKeyId");
        call.Authorize("sts:GetAccessKeyInfo", "*");
        lock (call.State.Gate)
        {
            // AWS answers for any well-formed key id, even one it does not know, with the owning account when it can.
            var owner = call.State.Keys.TryGetValue(keyId, out var held) ? held.Account.Id
                : call.State.Sessions.TryGetValue(keyId, out var s) ? s.AccountId : call.Caller.AccountId;
            return ServiceResult.Of(E("Account", owner));
        }
    }

    private static ServiceResult AssumeRole(SandboxCall call)
    {
        var roleArn = call.Form.Required("RoleArn");
        var sessionName = call.Form.Required("RoleSessionName");
        var duration = call.Form.Int("DurationSeconds") ?? 3600;
        call.RequestParameters = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = sessionName, ["durationSeconds"] = duration };
        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "iam" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("ValidationError", $"{roleArn} is invalid", 400);
        }

        var roleName = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        call.Resources.Add(("AWS::IAM::Role", roleArn));
        IamRole? role;
        Account? roleAccount;
        lock (call.State.Gate)
        {
            roleAccount = call.State.FindAccount(parts[4]);
            role = roleAccount?.Roles.GetValueOrDefault(roleName);
        }

        var denied = AccessDenied.WithMessage(ServiceModel.Sts, AccessDeniedMessages.ForAssumeRole(call.Caller.Arn, roleArn));
        // A closed (SUSPENDED) account's roles cannot be assumed; STS answers with the same AccessDenied as for a
        // role that does not trust the caller and names no closure, so the sandbox says nothing more either.
        if (role is null || roleAccount is null || roleAccount.Status == "SUSPENDED")
        {
            throw denied;
        }

        var request = call.Authorizer.Request(call.Caller, "sts:AssumeRole", roleArn, call.SourceIp, call.Region, role.TrustPolicy, TrustContext(call, sessionName)) with { ResourceAccountId = roleAccount.Id };
        var verdict = PolicyEvaluator.EvaluateAssumeRole(request);
        if (!verdict.IsAllowed)
        {
            throw verdict.PolicyType is PolicyType.TrustPolicy or null ? denied : AccessDenied.For(ServiceModel.Sts, call.Caller, "sts:AssumeRole", roleArn, verdict);
        }

        var chained = call.Caller.Type == CallerType.AssumedRole;
        if (duration < 900 || duration > (chained ? 3600 : role.MaxSessionDuration))
        {
            throw new AwsServiceException("ValidationError", chained
                ? "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
                : $"The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);
        }

        var session = Issue(call, SessionKind.AssumedRole, roleAccount.Id, roleName, sessionName, duration);
        var assumedArn = $"arn:{roleAccount.Partition}:sts::{roleAccount.Id}:assumed-role/{roleName}/{sessionName}";
        call.ResponseElements = new JsonObject
        {
            ["credentials"] = TrailCredentials(session),
            ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{role.Id}:{sessionName}", ["arn"] = assumedArn },
        };
        if (roleAccount.Id != call.Caller.AccountId)
        {
            call.AlsoRecordIn.Add(roleAccount.Id);
        }

        return ServiceResult.Of(Credentials(session), E("AssumedRoleUser", E("AssumedRoleId", $"{role.Id}:{sessionName}"), E("Arn", assumedArn)));
    }

    /// <summary>The sts: keys trust policies test (ExternalId for third-party roles, the session name).</summary>
    private static Dictionary<string, string> TrustContext(SandboxCall call, string sessionName)
    {
        var context = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ContextKeys.RoleSessionName] = sessionName };
        if (call.Form.Get("ExternalId") is { } externalId)
        {
            context[ContextKeys.ExternalId] = externalId;
        }

        return context;
    }

    private static ServiceResult GetSessionToken(SandboxCall call)
    {
        if (call.Caller.Session is not null)
        {
            throw new AwsServiceException("AccessDenied", "Cannot call GetSessionToken with session credentials", 403);
        }

        var duration = call.Form.Int("DurationSeconds") ?? 43200;
        if (duration is < 900 or > 129600)
        {
            throw new AwsServiceException("ValidationError", "The requested DurationSeconds is out of range.", 400);
        }

        var issuer = call.Caller.Type == CallerType.Root ? "root" : call.Caller.IdentityName!;
        var session = Issue(call, SessionKind.SessionToken, call.Caller.AccountId, issuer, "", duration,
            mfa: call.Form.Get("SerialNumber") is not null && call.Form.Get("TokenCode") is not null);
        call.ResponseElements = new JsonObject { ["credentials"] = TrailCredentials(session) };
        return ServiceResult.Of(Credentials(session));
    }

    private static ServiceResult GetFederationToken(SandboxCall call)
    {
        var name = call.Form.Required("Name");
        if (call.Caller.Session is not null || call.Caller.Type != CallerType.IAMUser)
        {
            throw new AwsServiceException("AccessDenied", "Cannot call GetFederationToken with session credentials", 403);
        }

        call.Authorize("sts:GetFederationToken", $"arn:{call.Account.Partition}:sts::{call.Account.Id}:federated-user/{name}");
        var duration = call.Form.Int("DurationSeconds") ?? 43200;
        var session = Issue(call, SessionKind.Federated, call.Caller.AccountId, call.Caller.IdentityName!, name, duration, policy: call.Form.Get("Policy"));
        var arn = $"arn:{call.Account.Partition}:sts::{call.Account.Id}:federated-user/{name}";
        call.ResponseElements = new JsonObject
        {
            ["credentials"] = TrailCredentials(session),
            ["federatedUser"] = new JsonObject { ["federatedUserId"] = $"{call.Account.Id}:{name}", ["arn"] = arn },
        };
        return ServiceResult.Of(Credentials(session), E("FederatedUser", E("FederatedUserId", $"{call.Account.Id}:{name}"), E("Arn", arn)), E("PackedPolicySize", 0));
    }

    private static StsSession Issue(SandboxCall call, SessionKind kind, string accountId, string issuer, string sessionName, int duration, bool mfa = false, string? policy = null)
    {
        var session = new StsSession
        {
            AccessKeyId = call.State.Ids.AccessKeyId("ASIA"),
            Secret = call.State.Ids.Secret(),
            Token = call.State.Ids.SessionToken(),
            Kind = kind,
            AccountId = accountId,
            Issued = call.Time,
            Expiration = call.Time.AddSeconds(duration),
            IssuerName = issuer,
            SessionName = sessionName,
            MfaAuthenticated = mfa || call.Caller.Session?.MfaAuthenticated == true,
            SessionPolicy = policy,
        };
        lock (call.State.Gate)
        {
            call.State.Sessions[session.AccessKeyId] = session;
        }

        return session;
    }

    private static XElement Credentials(StsSession s) => E("Credentials",
        E("AccessKeyId", s.AccessKeyId), E("SecretAccessKey", s.Secret), E("SessionToken", s.Token), E("Expiration", s.Expiration));

    /// <summary>CloudTrail keeps the key id and expiry of issued credentials, never the secret or token.</summary>
    private static JsonObject TrailCredentials(StsSession s) => new()
    {
        ["accessKeyId"] = s.AccessKeyId,
        ["expiration"] = s.Expiration.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture),
    };
}
