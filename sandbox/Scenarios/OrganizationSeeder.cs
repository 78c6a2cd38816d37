using System.Text.Json.Nodes;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using CredIr.Sandbox.Services.Iam;

namespace CredIr.Sandbox.Scenarios;

/// <summary>Builds the organization a scenario declares: accounts, admins, principals, policies, resources.</summary>
internal sealed class OrganizationSeeder(SandboxState state, Scenario scenario, string source, DateTimeOffset start)
{
    public const string AccessRole = "OrganizationAccountAccessRole";

    public void Seed()
    {
        state.OrganizationId = scenario.Organization?.Id ?? "o-sandbox0001";
        state.EmptyPages = scenario.Options.EmptyOrganizationPages;
        AddAwsManaged();
        var declared = scenario.Organization?.Accounts is { Count: > 0 } list ? list : [new ScenarioAccount { Id = "111111111111", Name = "sandbox", Management = true }];
        var management = declared.FirstOrDefault(a => a.Management) ?? declared[0];
        foreach (var a in declared.OrderBy(a => a == management ? 0 : 1))
        {
            AddAccount(a, a == management, management.Id);
        }

        lock (state.Gate)
        {
            state.Clock.Pin(start.AddDays(-30));
            Guard(() => scenario.Policies.ToList().ForEach(AddPolicy), "policies");
            Guard(() => scenario.Groups.ToList().ForEach(AddGroup), "groups");
            foreach (var principal in scenario.Principals)
            {
                Guard(() => AddPrincipal(principal), $"principals ({principal.Name})");
            }

            state.Clock.Pin(start.AddDays(-30));
            Guard(AddResources, "resources");
            state.Clock.Unpin();
        }
    }

    public Account Resolve(string? account, string where) =>
        account is null ? state.Management
            : state.Accounts.FirstOrDefault(a => a.Id == account || a.Name == account)
              ?? throw ScenarioException.At(source, where, $"unknown account '{account}'");

    private void AddAwsManaged()
    {
        foreach (var (name, document) in new[] { ("AdministratorAccess", WellKnownPolicies.AdministratorAccessJson), ("ReadOnlyAccess", WellKnownPolicies.ReadOnlyAccessJson) })
        {
            var policy = IamStore.AddPolicy(state, "aws", name, document);
            state.AwsManagedPolicies[policy.Arn] = policy;
        }
    }

    private void AddAccount(ScenarioAccount declared, bool isManagement, string managementId)
    {
        var account = new Account(declared.Id, declared.Name, declared.Email ?? $"aws+{declared.Name}@example.com", isManagement) { Joined = start.AddDays(-400), Status = declared.Status, Partition = state.Partition.Name };
        lock (state.Gate)
        {
            state.Accounts.Add(account);
            state.Clock.Pin(start.AddDays(-400));
            var admin = IamStore.AddUser(state, account, scenario.Options.AdminUser);
            IamStore.AddKey(state, account, admin, declared.AdminAccessKeyId, declared.AdminSecretAccessKey);
            IamStore.Attach(state, account, admin, state.Partition.ManagedPolicyArn("AdministratorAccess"));
            if (declared.RootAccessKeyId is { } rootKeyId)
            {
                var rootKey = new AccessKey(rootKeyId, declared.RootSecretAccessKey ?? state.Ids.Secret(), "root", state.Clock.GetUtcNow());
                account.RootKeys.Add(rootKey);
                state.Keys[rootKey.Id] = (account, rootKey);
            }

            if (!isManagement)
            {
                var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:{{account.Partition}}:iam::{{managementId}}:root"},"Action":"sts:AssumeRole"}]}""";
                var role = IamStore.AddRole(state, account, AccessRole, trust);
                IamStore.Attach(state, account, role, state.Partition.ManagedPolicyArn("AdministratorAccess"));
            }

            var trailName = "management-events";
            account.Trails[trailName] = new Model.Trail(trailName, $"arn:{account.Partition}:cloudtrail:{state.Partition.HomeRegion}:{account.Id}:trail/{trailName}", state.Partition.HomeRegion, $"aws-cloudtrail-logs-{account.Id}")
            {
                StartedAt = start.AddDays(-400),
            };
            var detectorId = state.Ids.Hex(32);
            account.Detectors[detectorId] = new GuardDutyDetector(detectorId, state.Partition.HomeRegion);
            state.Clock.Unpin();
        }
    }

    private void AddPolicy(ScenarioPolicy declared)
    {
        var account = Resolve(declared.Account, $"policies ({declared.Name}).account");
        var policy = IamStore.AddPolicy(state, account.Id, declared.Name, declared.Document.ToJsonString(), declared.Path, declared.Description);
        account.Policies[policy.Arn] = policy;
    }

    private void AddGroup(ScenarioGroup declared)
    {
        var account = Resolve(declared.Account, $"groups ({declared.Name}).account");
        var group = IamStore.AddGroup(state, account, declared.Name);
        Attach(account, group, declared.ManagedPolicies, declared.InlinePolicies);
    }

    private void AddPrincipal(ScenarioPrincipal declared)
    {
        var where = $"principals ({declared.Name})";
        var account = Resolve(declared.Account, where + ".account");
        state.Clock.Pin(start + Offset(declared.Created, where + ".created"));
        if (declared.Type == "role")
        {
            var trust = declared.TrustPolicy?.ToJsonString()
                ?? $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:{{account.Partition}}:iam::{{account.Id}}:root"},"Action":"sts:AssumeRole"}]}""";
            var role = IamStore.AddRole(state, account, declared.Name, trust, declared.Path, maxSession: declared.MaxSessionDuration);
            Attach(account, role, declared.ManagedPolicies, declared.InlinePolicies);
            return;
        }

        var user = IamStore.AddUser(state, account, declared.Name, declared.Path);
        if (declared.LoginProfile)
        {
            user.LoginProfile = new LoginProfile(state.Clock.GetUtcNow(), false);
        }

        user.MfaDevices.AddRange(declared.MfaDevices);
        foreach (var group in declared.Groups)
        {
            if (!account.Groups.ContainsKey(group))
            {
                throw ScenarioException.At(source, where + ".groups", $"unknown group '{group}' in account {account.Id}");
            }

            user.Groups.Add(group);
        }

        Attach(account, user, declared.ManagedPolicies, declared.InlinePolicies);
        foreach (var key in declared.AccessKeys)
        {
            state.Clock.Pin(start + Offset(key.Created, where + ".accessKeys.created"));
            var added = IamStore.AddKey(state, account, user, key.Id, key.Secret);
            added.Active = key.Status != "Inactive";
        }
    }

    private void Attach(Account account, PolicyHolder holder, IReadOnlyList<string> managed, IReadOnlyDictionary<string, JsonObject> inline)
    {
        foreach (var arn in managed)
        {
            IamStore.Attach(state, account, holder, arn);
        }

        foreach (var (name, document) in inline)
        {
            var text = document.ToJsonString();
            IamStore.CheckPolicy(text);
            holder.InlinePolicies[name] = text;
        }
    }

    private void AddResources()
    {
        foreach (var b in scenario.Resources.Buckets)
        {
            var account = Resolve(b.Account, $"resources.buckets ({b.Name}).account");
            var bucket = new S3Bucket(b.Name, b.Region ?? state.Partition.HomeRegion, state.Clock.GetUtcNow()) { Versioning = b.Versioning };
            foreach (var (key, content) in b.Objects)
            {
                var data = System.Text.Encoding.UTF8.GetBytes(content);
                var etag = Services.S3.S3ETag.Of(data);
                bucket.Versions.Add(new S3ObjectVersion(key, b.Versioning ? state.Ids.Alnum(32) : "null", data, etag, state.Clock.GetUtcNow(), "text/plain"));
            }

            account.Buckets[b.Name] = bucket;
        }

        foreach (var p in scenario.Resources.InstanceProfiles)
        {
            var account = Resolve(p.Account, $"resources.instanceProfiles ({p.Name}).account");
            if (!account.Roles.ContainsKey(p.Role))
            {
                throw ScenarioException.At(source, $"resources.instanceProfiles ({p.Name}).role", $"unknown role '{p.Role}' in account {account.Id}");
            }

            var profile = new InstanceProfile(p.Name, state.Ids.UniqueId("AIPA"), $"arn:{account.Partition}:iam::{account.Id}:instance-profile/{p.Name}", "/", state.Clock.GetUtcNow());
            profile.RoleNames.Add(p.Role);
            account.InstanceProfiles[p.Name] = profile;
        }

        foreach (var g in scenario.Resources.GuardDuty)
        {
            var account = Resolve(g.Account, "resources.guardDuty.account");
            var region = g.Region ?? state.Partition.HomeRegion;
            var detector = account.Detectors.Values.FirstOrDefault(d => d.Region == region && (g.DetectorId is null || d.Id == g.DetectorId));
            if (detector is null)
            {
                detector = new GuardDutyDetector(g.DetectorId ?? state.Ids.Hex(32), region);
                account.Detectors[detector.Id] = detector;
            }

            foreach (var finding in g.Findings)
            {
                var copy = (JsonObject)Stamp(finding.DeepClone())!;
                var id = copy["id"]?.GetValue<string>() ?? state.Ids.Hex(32);
                copy["id"] = id;
                copy["accountId"] ??= account.Id;
                copy["region"] ??= region;
                copy["arn"] ??= $"arn:{account.Partition}:guardduty:{region}:{account.Id}:detector/{detector.Id}/finding/{id}";
                detector.Findings[id] = copy;
            }
        }
    }

    /// <summary>Finding times written "@-3h" become absolute times, so findings line up with the steps.</summary>
    private JsonNode? Stamp(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                {
                    o[key] = Stamp(o[key]?.DeepClone());
                }

                return o;
            case JsonArray a:
                return new JsonArray(a.Select(n => Stamp(n?.DeepClone())).ToArray());
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>() is ['@', .. var rest]:
                return RelativeTime.TryParse(rest, out var offset)
                    ? JsonValue.Create(Protocols.X.TimeMillis(start + offset))
                    : throw ScenarioException.At(source, "resources.guardDuty.findings", $"'@{rest}' is not a relative time such as @-3h");
            default:
                return node;
        }
    }

    private TimeSpan Offset(string text, string where) =>
        RelativeTime.TryParse(text, out var offset) ? offset : throw ScenarioException.At(source, where, $"'{text}' is not a relative time such as -30d");

    private void Guard(Action action, string where)
    {
        try
        {
            action();
        }
        catch (AwsServiceException e)
        {
            throw ScenarioException.At(source, where, $"{e.Code}: {e.Message}");
        }
    }
}
