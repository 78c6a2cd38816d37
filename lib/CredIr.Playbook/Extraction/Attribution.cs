using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Extraction;

/// <summary>
/// One way a record is recognised as made with a given credential. Deliberately narrow: a role's
/// sessions in general are never the actor's, only the exact keys the actor obtained and the
/// sessions of resources the actor created or re-pointed.
/// </summary>
public abstract record Attribution
{
    public abstract bool Matches(CloudTrailRecord record);

    /// <summary>What a source filters on to return (at least) the matching records.</summary>
    public abstract (AttributionSelector Kind, string Value) Selector { get; }

    /// <summary>userIdentity.accessKeyId is exactly this key.</summary>
    public static Attribution AccessKey(string accessKeyId) => new AccessKeyAttribution(accessKeyId);

    /// <summary>Any call by this IAM user (a user the actor created: it had no legitimate life before).</summary>
    public static Attribution Principal(string userArn) => new PrincipalAttribution(userArn);

    /// <summary>Console sign-ins and console-session calls of this IAM user (a password the actor set).</summary>
    public static Attribution Console(string userArn) => new ConsoleAttribution(userArn);

    /// <summary>Assumed-role sessions named after a resource (EC2 names them by instance id, Lambda by function name).</summary>
    public static Attribution SessionOf(string sessionName, string? roleArn) => new SessionAttribution(sessionName, roleArn);

    /// <summary>AssumeRole into this role by a principal of another account (a backdoored or planted trust).</summary>
    public static Attribution CrossAccountAssumeRole(string roleArn) => new CrossAccountAssumeRoleAttribution(roleArn);

    private sealed record AccessKeyAttribution(string AccessKeyId) : Attribution
    {
        public override bool Matches(CloudTrailRecord record) =>
            string.Equals(record.UserIdentity.AccessKeyId, AccessKeyId, StringComparison.Ordinal);

        public override (AttributionSelector Kind, string Value) Selector => (AttributionSelector.AccessKeyId, AccessKeyId);

        public override string ToString() => $"accessKeyId={AccessKeyId}";
    }

    private sealed record PrincipalAttribution(string UserArn) : Attribution
    {
        public override bool Matches(CloudTrailRecord record) =>
            string.Equals(record.UserIdentity.Arn, UserArn, StringComparison.Ordinal)
            || string.Equals(record.UserIdentity.SessionContext?.Issuer?.Arn, UserArn, StringComparison.Ordinal);

        public override (AttributionSelector Kind, string Value) Selector => (AttributionSelector.PrincipalArn, UserArn);

        public override string ToString() => $"principal={UserArn}";
    }

    private sealed record ConsoleAttribution(string UserArn) : Attribution
    {
        public override bool Matches(CloudTrailRecord record) =>
            string.Equals(record.UserIdentity.Arn, UserArn, StringComparison.Ordinal)
            && (record.EventName == "ConsoleLogin" || record.SessionCredentialFromConsole);

        public override (AttributionSelector Kind, string Value) Selector => (AttributionSelector.PrincipalArn, UserArn);

        public override string ToString() => $"console={UserArn}";
    }

    private sealed record SessionAttribution(string SessionName, string? RoleArn) : Attribution
    {
        public override bool Matches(CloudTrailRecord record) =>
            record.UserIdentity.Type == "AssumedRole"
            && string.Equals(record.UserIdentity.SessionName, SessionName, StringComparison.Ordinal)
            && (RoleArn is null || string.Equals(record.UserIdentity.SessionContext?.Issuer?.Arn, RoleArn, StringComparison.Ordinal));

        public override (AttributionSelector Kind, string Value) Selector => (AttributionSelector.UserName, SessionName);

        public override string ToString() => $"session={SessionName}@{RoleArn ?? "any role"}";
    }

    private sealed record CrossAccountAssumeRoleAttribution(string RoleArn) : Attribution
    {
        public override bool Matches(CloudTrailRecord record) =>
            record.EventSource == "sts.amazonaws.com"
            && record.EventName.StartsWith("AssumeRole", StringComparison.Ordinal)
            && record.RequestParameters is { } request
            && string.Equals(JsonFields.StringAt(request, "roleArn"), RoleArn, StringComparison.Ordinal)
            && record.UserIdentity.AccountId is { } caller
            && caller != ArnParts.Account(RoleArn);

        public override (AttributionSelector Kind, string Value) Selector => (AttributionSelector.ResourceName, RoleArn);

        public override string ToString() => $"cross-account AssumeRole into {RoleArn}";
    }
}
