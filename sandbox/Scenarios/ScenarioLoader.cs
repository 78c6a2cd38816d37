using System.Text.Json;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Scenarios;

/// <summary>Reads a scenario file and checks what can be checked before anything runs.</summary>
public static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static Scenario Load(string path)
    {
        var scenario = Read<Scenario>(path);
        Validate(scenario, path);
        return scenario;
    }

    /// <summary>Parses a scenario file of any cloud (AWS, Huawei): unknown members are errors naming the JSON path and line.</summary>
    internal static T Read<T>(string path)
        where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"scenario {path}: cannot be read: {e.Message}", e);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw ScenarioException.At(path, "$", "the file holds no scenario");
        }
        catch (JsonException e)
        {
            throw ScenarioException.At(path, e.Path ?? "$", $"{e.Message.Split(" Path:")[0]} (line {e.LineNumber + 1})");
        }
    }

    public static void Validate(Scenario scenario, string source)
    {
        if (SandboxPartition.Find(scenario.Partition) is not { } partition)
        {
            throw ScenarioException.At(source, "partition", $"'{scenario.Partition}' is not an AWS partition (aws, aws-us-gov or aws-cn)");
        }

        if (scenario.Regions?.FirstOrDefault(r => !partition.Contains(r)) is { } foreign)
        {
            throw ScenarioException.At(source, "regions", $"'{foreign}' is not a region of the {partition.Name} partition");
        }

        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var where = $"steps[{i}]{(step.Id is null ? "" : $" (id {step.Id})")}";
            if (!RelativeTime.TryParse(step.At, out _))
            {
                throw ScenarioException.At(source, where + ".at", $"'{step.At}' is not a relative time such as -3h or -2h55m");
            }

            if (ServiceModel.Find(step.Service) is null)
            {
                throw ScenarioException.At(source, where + ".service", $"'{step.Service}' is not a service the sandbox serves ({string.Join(", ", ServiceModel.All.Select(d => d.SigningName))})");
            }

            if (string.IsNullOrWhiteSpace(step.Action))
            {
                throw ScenarioException.At(source, where + ".action", "is missing");
            }

            if (string.IsNullOrWhiteSpace(step.As))
            {
                throw ScenarioException.At(source, where + ".as", "is missing: name a principal, admin, or $step");
            }
        }

        foreach (var principal in scenario.Principals)
        {
            if (principal.Type is not ("user" or "role"))
            {
                throw ScenarioException.At(source, $"principals ({principal.Name}).type", $"'{principal.Type}' is neither user nor role");
            }
        }

        var accounts = scenario.Organization?.Accounts ?? [];
        foreach (var account in accounts)
        {
            if (account.Id.Length != 12 || !account.Id.All(char.IsAsciiDigit))
            {
                throw ScenarioException.At(source, $"organization.accounts ({account.Name}).id", $"'{account.Id}' is not a 12-digit account id");
            }

            if (account.Status is not ("ACTIVE" or "SUSPENDED" or "PENDING_CLOSURE"))
            {
                throw ScenarioException.At(source, $"organization.accounts ({account.Name}).status", $"'{account.Status}' is none of ACTIVE, SUSPENDED, PENDING_CLOSURE");
            }
        }
    }
}
