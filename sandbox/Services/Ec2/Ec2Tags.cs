using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>Tags on instances: RunInstances' TagSpecification and CreateTags / DeleteTags / DescribeTags.</summary>
internal static class Ec2Tags
{
    /// <summary>The instance tags of TagSpecification.N (ResourceType instance); other resource types have nothing to tag here.</summary>
    public static List<KeyValuePair<string, string>> InstanceTagSpecifications(QueryParams form)
    {
        var tags = new List<KeyValuePair<string, string>>();
        for (var i = 1; form.Get($"TagSpecification.{i}.ResourceType") is { } type; i++)
        {
            if (type == "instance")
            {
                tags.AddRange(Pairs(form, $"TagSpecification.{i}.Tag"));
            }
        }

        return tags;
    }

    /// <summary>CloudTrail writes tag specifications as a tagSpecificationSet of items, not as the form's numbered keys.</summary>
    public static void RecordTagSpecifications(SandboxCall call)
    {
        if (call.RequestParameters is not JsonObject parameters || parameters["tagSpecification"] is null)
        {
            return;
        }

        parameters.Remove("tagSpecification");
        var items = new JsonArray();
        for (var i = 1; call.Form.Get($"TagSpecification.{i}.ResourceType") is { } type; i++)
        {
            var tags = new JsonArray(Pairs(call.Form, $"TagSpecification.{i}.Tag").Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());
            items.Add(new JsonObject { ["resourceType"] = type, ["tags"] = tags });
        }

        parameters["tagSpecificationSet"] = new JsonObject { ["items"] = items };
    }

    public static ServiceResult CreateTags(SandboxCall call) => Change(call, "ec2:CreateTags", (instance, tags) =>
    {
        foreach (var (key, value) in tags)
        {
            instance.Tags[key] = value ?? "";
        }
    });

    public static ServiceResult DeleteTags(SandboxCall call) => Change(call, "ec2:DeleteTags", (instance, tags) =>
    {
        // No Tag.N: every tag goes. A tag given with a value is deleted only when the value matches.
        if (tags.Count == 0)
        {
            instance.Tags.Clear();
        }

        foreach (var (key, value) in tags)
        {
            if (value is null || instance.Tags.GetValueOrDefault(key) == value)
            {
                instance.Tags.Remove(key);
            }
        }
    });

    public static ServiceResult DescribeTags(SandboxCall call)
    {
        call.Authorize("ec2:DescribeTags", "*");
        var filters = Ec2Filters.From(call.Form);
        lock (call.State.Gate)
        {
            var tags = call.Account.Instances.Values
                .Where(i => i.Region == call.Region)
                .OrderBy(i => i.Launched).ThenBy(i => i.Id, StringComparer.Ordinal)
                .SelectMany(i => i.Tags.Select(t => (Instance: i, t.Key, t.Value)))
                .Where(t => filters.Matches(name => name switch
                {
                    "resource-id" => [t.Instance.Id],
                    "resource-type" => ["instance"],
                    "key" => [t.Key],
                    "value" => [t.Value],
                    _ => null,
                }));
            return ServiceResult.Of(Items("tagSet", tags.Select(t => (object)new[]
            {
                E("resourceId", t.Instance.Id), E("resourceType", "instance"), E("key", t.Key), E("value", t.Value),
            })));
        }
    }

    private static ServiceResult Change(SandboxCall call, string action, Action<Ec2Instance, List<KeyValuePair<string, string?>>> apply)
    {
        var ids = call.Form.List("ResourceId");
        var tags = new List<KeyValuePair<string, string?>>();
        for (var i = 1; call.Form.Get($"Tag.{i}.Key") is { } key; i++)
        {
            tags.Add(new(key, call.Form.Get($"Tag.{i}.Value")));
        }

        // CloudTrail's shape for CreateTags / DeleteTags, not the form's numbered keys.
        call.RequestParameters = new JsonObject
        {
            ["resourcesSet"] = new JsonObject { ["items"] = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["resourceId"] = id }).ToArray()) },
            ["tagSet"] = new JsonObject
            {
                ["items"] = new JsonArray(tags.Select(t => (JsonNode)(t.Value is null ? new JsonObject { ["key"] = t.Key } : new JsonObject { ["key"] = t.Key, ["value"] = t.Value })).ToArray()),
            },
        };
        foreach (var id in ids)
        {
            call.Authorize(action, call.Arn("ec2", $"instance/{id}"));
        }

        lock (call.State.Gate)
        {
            var instances = ids.Select(id => id.StartsWith("i-", StringComparison.Ordinal)
                ? call.Account.Instances.GetValueOrDefault(id) is { } found && found.Region == call.Region
                    ? found
                    : throw new AwsServiceException("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist")
                : throw new AwsServiceException("InvalidID", $"The ID '{id}' is not valid")).ToList();
            foreach (var instance in instances)
            {
                apply(instance, tags);
                call.Resources.Add(("AWS::EC2::Instance", instance.Id));
            }
        }

        return ServiceResult.Of(E("return", true));
    }

    internal static IEnumerable<KeyValuePair<string, string>> Pairs(QueryParams form, string prefix)
    {
        for (var i = 1; form.Get($"{prefix}.{i}.Key") is { } key; i++)
        {
            yield return new(key, form.Get($"{prefix}.{i}.Value") ?? "");
        }
    }
}
