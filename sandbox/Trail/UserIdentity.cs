using System.Text.Json.Nodes;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Trail;

/// <summary>CloudTrail's userIdentity block for each kind of caller.</summary>
internal static class UserIdentity
{
    public static JsonObject Of(Caller caller, SandboxState state)
    {
        var identity = new JsonObject
        {
            ["type"] = caller.Type.ToString(),
            ["principalId"] = caller.PrincipalId,
            ["arn"] = caller.Arn,
            ["accountId"] = caller.AccountId,
            ["accessKeyId"] = caller.AccessKeyId,
        };
        if (caller.Type == CallerType.IAMUser)
        {
            identity["userName"] = caller.IdentityName;
        }

        if (caller.Session is { } session)
        {
            identity["sessionContext"] = SessionContext(caller, session, state);
        }

        return identity;
    }

    private static JsonObject SessionContext(Caller caller, StsSession session, SandboxState state)
    {
        var context = new JsonObject();
        if (session.Kind != SessionKind.SessionToken)
        {
            var issuer = Issuer(caller, session, state);
            if (issuer is not null)
            {
                context["sessionIssuer"] = issuer;
            }

            context["webIdFederationData"] = new JsonObject();
        }

        context["attributes"] = new JsonObject
        {
            ["creationDate"] = X.Time(session.Issued),
            ["mfaAuthenticated"] = session.MfaAuthenticated ? "true" : "false",
        };
        return context;
    }

    private static JsonObject? Issuer(Caller caller, StsSession session, SandboxState state)
    {
        lock (state.Gate)
        {
            var account = state.FindAccount(caller.AccountId);
            if (session.Kind == SessionKind.AssumedRole)
            {
                var role = account?.Roles.GetValueOrDefault(session.IssuerName);
                return new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = role?.Id ?? caller.PrincipalId.Split(':')[0],
                    ["arn"] = role?.Arn ?? $"arn:{SandboxPartition.NameOf(caller.Arn)}:iam::{caller.AccountId}:role/{session.IssuerName}",
                    ["accountId"] = caller.AccountId,
                    ["userName"] = session.IssuerName,
                };
            }

            var user = account?.Users.GetValueOrDefault(session.IssuerName);
            return new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = user?.Id ?? "",
                ["arn"] = user?.Arn ?? $"arn:{SandboxPartition.NameOf(caller.Arn)}:iam::{caller.AccountId}:user/{session.IssuerName}",
                ["accountId"] = caller.AccountId,
                ["userName"] = session.IssuerName,
            };
        }
    }
}
