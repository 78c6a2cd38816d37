using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>The parts IAM makes you remove before a user, role, instance profile or policy can be deleted.</summary>
internal static class IamSteps
{
    public static string User(StepGraph graph, TouchedResource user, ResourceState state)
    {
        var account = user.AccountId;
        var name = user.Id;
        var before = new List<string>();
        foreach (var policy in state.AttachedPolicies)
        {
            before.Add(graph.Add("iam:DetachUserPolicy", user, StepIds.For("iam:DetachUserPolicy", account, name, policy), $"detach {policy} from user {name}", reversible: true, parameter: policy));
        }

        foreach (var policy in state.InlinePolicies)
        {
            before.Add(graph.Add("iam:DeleteUserPolicy", user, StepIds.For("iam:DeleteUserPolicy", account, name, policy), $"delete inline policy {policy} of user {name}", reversible: false, parameter: policy));
        }

        foreach (var key in state.AccessKeys)
        {
            before.Add(AccessKey(graph, account, name, key));
        }

        if (state.HasLoginProfile)
        {
            before.Add(LoginProfile(graph, account, name));
        }

        foreach (var serial in state.MfaDevices)
        {
            var deactivate = DeactivateMfaDevice(graph, user, serial);
            before.Add(serial.Contains(":mfa/", StringComparison.Ordinal) ? DeleteVirtualMfaDevice(graph, account, serial, [deactivate]) : deactivate);
        }

        foreach (var group in state.Groups)
        {
            before.Add(graph.Add("iam:RemoveUserFromGroup", user, StepIds.For("iam:RemoveUserFromGroup", account, name, group), $"remove user {name} from group {group}", reversible: true, parameter: group));
        }

        foreach (var certificate in state.SigningCertificates)
        {
            before.Add(graph.Add("iam:DeleteSigningCertificate", user, StepIds.For("iam:DeleteSigningCertificate", account, name, certificate), $"delete signing certificate {certificate} of user {name}", reversible: false, parameter: certificate));
        }

        foreach (var key in state.SshPublicKeys)
        {
            before.Add(graph.Add("iam:DeleteSSHPublicKey", user, StepIds.For("iam:DeleteSSHPublicKey", account, name, key), $"delete SSH public key {key} of user {name}", reversible: false, parameter: key));
        }

        foreach (var credential in state.ServiceSpecificCredentials)
        {
            before.Add(graph.Add("iam:DeleteServiceSpecificCredential", user, StepIds.For("iam:DeleteServiceSpecificCredential", account, name, credential), $"delete service-specific credential {credential} of user {name}", reversible: false, parameter: credential));
        }

        return graph.Add("iam:DeleteUser", user, StepIds.For("iam:DeleteUser", account, name), $"delete IAM user {name}, created by the actor", reversible: false, before);
    }

    public static string Role(StepGraph graph, TouchedResource role, ResourceState state)
    {
        var account = role.AccountId;
        var name = role.Id;
        var before = new List<string>();
        foreach (var policy in state.AttachedPolicies)
        {
            before.Add(graph.Add("iam:DetachRolePolicy", role, StepIds.For("iam:DetachRolePolicy", account, name, policy), $"detach {policy} from role {name}", reversible: true, parameter: policy));
        }

        foreach (var policy in state.InlinePolicies)
        {
            before.Add(graph.Add("iam:DeleteRolePolicy", role, StepIds.For("iam:DeleteRolePolicy", account, name, policy), $"delete inline policy {policy} of role {name}", reversible: false, parameter: policy));
        }

        foreach (var profile in state.InstanceProfiles)
        {
            before.Add(RemoveRoleFromProfile(graph, account, profile, name));
        }

        return graph.Add("iam:DeleteRole", role, StepIds.For("iam:DeleteRole", account, name), $"delete IAM role {name}, created by the actor", reversible: false, before);
    }

    public static string InstanceProfile(StepGraph graph, TouchedResource profile, ResourceState state)
    {
        var removals = state.Roles.Select(role => RemoveRoleFromProfile(graph, profile.AccountId, profile.Id, role)).ToList();
        return graph.Add("iam:DeleteInstanceProfile", profile, StepIds.For("iam:DeleteInstanceProfile", profile.AccountId, profile.Id), $"delete instance profile {profile.Id}, created by the actor", reversible: false, removals);
    }

    public static string ManagedPolicy(StepGraph graph, TouchedResource policy, ResourceState state)
    {
        var account = policy.AccountId;
        var arn = policy.Arn ?? policy.Id;
        var before = new List<string>();
        foreach (var entity in state.AttachedTo)
        {
            var (kind, name) = (entity.Split('/')[0], entity[(entity.IndexOf('/') + 1)..]);
            var action = kind switch { "user" => "iam:DetachUserPolicy", "role" => "iam:DetachRolePolicy", _ => "iam:DetachGroupPolicy" };
            var type = kind switch { "user" => "AWS::IAM::User", "role" => "AWS::IAM::Role", _ => "AWS::IAM::Group" };
            before.Add(graph.Add(action, Sub(type, name, account), StepIds.For(action, account, name, arn), $"detach {arn} from {entity}", reversible: true, parameter: arn));
        }

        foreach (var version in state.PolicyVersions)
        {
            before.Add(graph.Add("iam:DeletePolicyVersion", policy, StepIds.For("iam:DeletePolicyVersion", account, arn, version), $"delete version {version} of {arn}", reversible: false, parameter: version));
        }

        return graph.Add("iam:DeletePolicy", policy, StepIds.For("iam:DeletePolicy", account, arn), $"delete managed policy {arn}, created by the actor", reversible: false, before);
    }

    public static string AccessKey(StepGraph graph, string? account, string? user, string key) =>
        graph.Add("iam:DeleteAccessKey", Sub("AWS::IAM::AccessKey", key, account), StepIds.For("iam:DeleteAccessKey", account, key),
            $"delete access key {key}{(user is null ? "" : $" of user {user}")}", reversible: false, parameter: user);

    public static string LoginProfile(StepGraph graph, string? account, string user) =>
        graph.Add("iam:DeleteLoginProfile", Sub("AWS::IAM::LoginProfile", user, account), StepIds.For("iam:DeleteLoginProfile", account, user),
            $"delete the console password of user {user}", reversible: false, parameter: user);

    /// <summary>
    /// A virtual MFA device the actor created: deactivated on the user it is enabled for (IAM refuses to delete an
    /// enabled device with DeleteConflict), then deleted. The user, if not the actor's, stays.
    /// </summary>
    public static string VirtualMfaDevice(StepGraph graph, string? account, string serial, string? enabledOn) =>
        DeleteVirtualMfaDevice(graph, account, serial, enabledOn is null ? [] : [DeactivateMfaDevice(graph, Sub("AWS::IAM::User", enabledOn, account), serial)]);

    private static string DeactivateMfaDevice(StepGraph graph, TouchedResource user, string serial) =>
        graph.Add("iam:DeactivateMFADevice", user, StepIds.For("iam:DeactivateMFADevice", user.AccountId, user.Id, serial),
            $"deactivate MFA device {serial} of user {user.Id}", reversible: false, parameter: serial);

    private static string DeleteVirtualMfaDevice(StepGraph graph, string? account, string serial, IEnumerable<string> before) =>
        graph.Add("iam:DeleteVirtualMFADevice", Sub("AWS::IAM::MFADevice", serial, account), StepIds.For("iam:DeleteVirtualMFADevice", account, serial),
            $"delete virtual MFA device {serial}", reversible: false, before, serial);

    private static string RemoveRoleFromProfile(StepGraph graph, string? account, string profile, string role) =>
        graph.Add("iam:RemoveRoleFromInstanceProfile", Sub("AWS::IAM::InstanceProfile", profile, account), StepIds.For("iam:RemoveRoleFromInstanceProfile", account, profile, role),
            $"remove role {role} from instance profile {profile}", reversible: true, parameter: role);

    private static TouchedResource Sub(string type, string id, string? account) =>
        new(type, id, ArnBuilder.For(type, id, account, null), account, null, ChangeKind.Created);
}
