using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox.Huawei;

/// <summary>Reads a Huawei scenario file and checks what can be checked before anything runs.</summary>
public static class HuaweiScenarioLoader
{
    public static HuaweiScenario Load(string path)
    {
        var scenario = ScenarioLoader.Read<HuaweiScenario>(path);
        Validate(scenario, path);
        return scenario;
    }

    public static void Validate(HuaweiScenario scenario, string source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Regions.Count == 0)
        {
            throw ScenarioException.At(source, "regions", "name at least one region (cn-north-4...)");
        }

        if (scenario.Domain.Id is { } domainId && !IsHexId(domainId))
        {
            throw ScenarioException.At(source, "domain.id", $"'{domainId}' is not 32 lower-case hex digits");
        }

        foreach (var user in scenario.Users)
        {
            if (!RelativeTime.TryParse(user.Created, out _))
            {
                throw ScenarioException.At(source, $"users ({user.Name}).created", $"'{user.Created}' is not a relative time such as -200d");
            }

            foreach (var key in user.AccessKeys)
            {
                if (key.Id.Length != 20 || !key.Id.All(static c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
                {
                    throw ScenarioException.At(source, $"users ({user.Name}).accessKeys ({key.Id}).id", "is not 20 upper-case letters and digits, as Huawei's AKs");
                }

                if (key.Status is not ("active" or "inactive"))
                {
                    throw ScenarioException.At(source, $"users ({user.Name}).accessKeys ({key.Id}).status", $"'{key.Status}' is neither active nor inactive");
                }
            }

            foreach (var policy in user.Policies.Where(p => scenario.Policies.All(q => q.Name != p)))
            {
                throw ScenarioException.At(source, $"users ({user.Name}).policies", $"'{policy}' names no policy of the scenario");
            }
        }

        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var where = $"steps[{i}]{(step.Id is null ? "" : $" (id {step.Id})")}";
            if (!RelativeTime.TryParse(step.At, out _))
            {
                throw ScenarioException.At(source, where + ".at", $"'{step.At}' is not a relative time such as -2h35m");
            }

            if (step.Service is not ("iam" or "cts"))
            {
                throw ScenarioException.At(source, where + ".service", $"'{step.Service}' is neither iam nor cts");
            }

            if (step.Service == "cts" && (step.Region is null || !scenario.Regions.Contains(step.Region)))
            {
                throw ScenarioException.At(source, where + ".region", $"a cts step needs one of the scenario's regions ({string.Join(", ", scenario.Regions)})");
            }

            if (!step.Path.StartsWith('/'))
            {
                throw ScenarioException.At(source, where + ".path", $"'{step.Path}' must start with /");
            }

            if (step.Method is not ("GET" or "PUT" or "POST" or "PATCH" or "DELETE"))
            {
                throw ScenarioException.At(source, where + ".method", $"'{step.Method}' is none of GET, PUT, POST, PATCH, DELETE");
            }
        }
    }

    internal static bool IsHexId(string id) => id.Length == 32 && id.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
