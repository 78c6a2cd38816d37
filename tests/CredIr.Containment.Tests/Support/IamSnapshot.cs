using CredIr.Aws;

namespace CredIr.Containment.Tests.Support;

/// <summary>The IAM state containment touches, read through the API, to compare before and after.</summary>
internal sealed record IamSnapshot(string Text)
{
    public static async Task<IamSnapshot> OfUsersAsync(IamClient iam, params string[] users)
    {
        var lines = new List<string>();
        foreach (var user in users)
        {
            foreach (var key in await Collect.AllAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest(user))))
            {
                lines.Add($"{user} key {key.AccessKeyId} {key.Status}");
            }

            foreach (var name in await Collect.AllAsync(iam.ListUserPoliciesAsync(new ListUserPoliciesRequest(user))))
            {
                lines.Add($"{user} policy {name} {(await iam.GetUserPolicyAsync(new GetUserPolicyRequest(user, name))).PolicyDocument}");
            }
        }

        return new IamSnapshot(string.Join('\n', lines));
    }

    public static async Task<IamSnapshot> OfRoleAsync(IamClient iam, string role)
    {
        var lines = new List<string> { $"trust {(await iam.GetRoleAsync(new GetRoleRequest(role))).Role.AssumeRolePolicyDocument}" };
        foreach (var name in await Collect.AllAsync(iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(role))))
        {
            lines.Add($"policy {name} {(await iam.GetRolePolicyAsync(new GetRolePolicyRequest(role, name))).PolicyDocument}");
        }

        return new IamSnapshot(string.Join('\n', lines));
    }
}
