using CredIr.Sandbox.Model;

namespace CredIr.Sandbox;

public sealed partial class SandboxHost
{
    /// <summary>Every IAM user and role of the organization now, with users' live access keys.</summary>
    public IReadOnlyList<SandboxPrincipalInfo> Principals
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Accounts.SelectMany(a =>
                    a.Users.Values.Select(u => new SandboxPrincipalInfo(u.Name, a.Id, u.Arn, "user",
                            u.AccessKeys.Where(k => !k.Deleted).Select(k => new SandboxCredentials(k.Id, k.Secret)).ToList()))
                        .Concat(a.Roles.Values.Select(r => new SandboxPrincipalInfo(r.Name, a.Id, r.Arn, "role", []))))
                    .ToList();
            }
        }
    }

    /// <summary>
    /// The first active key of a user ("alice", or "alice@ACCOUNT" with an id or name), "admin" or
    /// "admin@ACCOUNT", "root" / "root@ACCOUNT" (root keys a scenario declares), or "$id" for what a scenario step obtained (AssumeRole, CreateAccessKey, an instance's role).
    /// </summary>
    public SandboxCredentials Credentials(string name)
    {
        if (name.StartsWith('$'))
        {
            return _obtained.GetValueOrDefault(name[1..]) ?? throw new KeyNotFoundException($"no scenario step '{name[1..]}' obtained credentials");
        }

        if (name == "admin")
        {
            return Accounts[0].AdminCredentials;
        }

        var parts = name.Split('@', 2);
        lock (_state.Gate)
        {
            foreach (var account in _state.Accounts.Where(a => parts.Length == 1 || a.Id == parts[1] || a.Name == parts[1]))
            {
                if (parts[0] == "root" && account.RootKeys.FirstOrDefault(k => k.Active) is { } root)
                {
                    return new SandboxCredentials(root.Id, root.Secret);
                }

                var user = parts[0] == "admin" ? account.Users[Scenario.Options.AdminUser] : account.Users.GetValueOrDefault(parts[0]);
                if (user?.AccessKeys.FirstOrDefault(k => k.Active && !k.Deleted) is { } key)
                {
                    return new SandboxCredentials(key.Id, key.Secret);
                }
            }
        }

        throw new KeyNotFoundException($"no user '{name}' with an active access key");
    }

    /// <summary>The role credentials an EC2 instance holds (what its metadata service would hand out).</summary>
    public SandboxCredentials InstanceCredentials(string instanceId)
    {
        lock (_state.Gate)
        {
            var session = _state.Accounts.Select(a => a.Instances.GetValueOrDefault(instanceId)).OfType<Ec2Instance>().FirstOrDefault()?.RoleSession
                ?? throw new KeyNotFoundException($"instance {instanceId} has no role credentials");
            return new SandboxCredentials(session.AccessKeyId, session.Secret, session.Token);
        }
    }
}
