using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox.Huawei;

/// <summary>Puts a scenario's users, AK/SKs, agencies and custom policies into the account before any step runs.</summary>
internal static class HuaweiSeeder
{
    public static void Seed(HuaweiState state, HuaweiScenario scenario, string source, DateTimeOffset start)
    {
        DateTimeOffset At(string relative, string where) =>
            RelativeTime.TryParse(relative, out var offset) ? start + offset : throw ScenarioException.At(source, where, $"'{relative}' is not a relative time such as -30d");

        lock (state.Gate)
        {
            foreach (var policy in scenario.Policies)
            {
                var id = policy.Id ?? state.HexId();
                state.Roles[id] = new HwRole { Id = id, Name = policy.Name, Description = policy.Description, Policy = (System.Text.Json.Nodes.JsonObject)policy.Policy.DeepClone(), Created = start.AddDays(-90), Updated = start.AddDays(-90) };
            }

            foreach (var user in scenario.Users)
            {
                if (state.UserByName(user.Name) is not null)
                {
                    throw ScenarioException.At(source, $"users ({user.Name}).name", "is used twice");
                }

                var created = At(user.Created, $"users ({user.Name}).created");
                var hw = new HwUser { Id = user.Id ?? state.HexId(), Name = user.Name, Enabled = user.Enabled, Description = user.Description, Created = created };
                hw.PolicyIds.AddRange(user.Policies.Select(p => state.Roles.Values.First(r => r.Name == p).Id));
                state.Users[hw.Id] = hw;
                foreach (var key in user.AccessKeys)
                {
                    if (state.Keys.ContainsKey(key.Id))
                    {
                        throw ScenarioException.At(source, $"users ({user.Name}).accessKeys ({key.Id})", "the AK is used twice");
                    }

                    state.Keys[key.Id] = new HwAccessKey
                    {
                        Id = key.Id, Secret = key.Secret, UserId = hw.Id, Status = key.Status, Description = key.Description,
                        Created = At(key.Created, $"users ({user.Name}).accessKeys ({key.Id}).created"),
                    };
                }
            }

            foreach (var agency in scenario.Agencies)
            {
                state.Agencies[agency.Name] = new HwAgency
                {
                    Id = state.HexId(), Name = agency.Name, TrustDomainName = agency.TrustDomain ?? state.DomainName, Description = agency.Description, Created = start.AddDays(-60),
                };
            }
        }
    }
}
