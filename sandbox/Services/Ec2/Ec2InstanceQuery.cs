using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>DescribeInstances: InstanceId.N, Filter.N, and MaxResults / NextToken paging by instance.</summary>
internal static class Ec2InstanceQuery
{
    public static ServiceResult Describe(SandboxCall call)
    {
        call.Authorize("ec2:DescribeInstances", "*");
        var wanted = call.Form.List("InstanceId");
        var filters = Ec2Filters.From(call.Form);
        var maxResults = call.Form.Int("MaxResults");
        if (maxResults is not null && wanted.Count > 0)
        {
            throw new AwsServiceException("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }

        if (maxResults is < 5 or > 1000)
        {
            throw new AwsServiceException("InvalidParameterValue", $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        call.RequestParameters = RequestParameters(call, wanted, maxResults);
        var start = Start(call.Form.Get("NextToken"));
        lock (call.State.Gate)
        {
            var inRegion = call.Account.Instances.Values.Where(i => i.Region == call.Region).ToList();
            var missing = wanted.FirstOrDefault(w => inRegion.All(i => i.Id != w));
            if (missing is not null)
            {
                throw new AwsServiceException("InvalidInstanceID.NotFound", $"The instance ID '{missing}' does not exist");
            }

            var matching = inRegion
                .Where(i => (wanted.Count == 0 || wanted.Contains(i.Id)) && filters.Matches(name => Ec2Filters.InstanceValues(i, name)))
                .OrderBy(i => i.Launched).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(start).Take(maxResults ?? int.MaxValue).ToList();
            var more = start + page.Count < matching.Count;
            return ServiceResult.Of(
                Items("reservationSet", page.Select(i => (object)new[]
                {
                    E("reservationId", "r-" + i.Id[2..]), E("ownerId", call.Account.Id), Items("groupSet", []),
                    Items("instancesSet", [Ec2Service.Instance(i, i.State, i.State == "running" ? 16 : 48, call.Account).Elements()]),
                })),
                more ? E("nextToken", Token(start + page.Count)) : null!);
        }
    }

    /// <summary>CloudTrail's shape: instancesSet and filterSet always present (empty objects when not given).</summary>
    private static JsonObject RequestParameters(SandboxCall call, List<string> wanted, int? maxResults)
    {
        var parameters = new JsonObject
        {
            ["instancesSet"] = wanted.Count == 0 ? new JsonObject() : new JsonObject
            {
                ["items"] = new JsonArray(wanted.Select(id => (JsonNode)new JsonObject { ["instanceId"] = id }).ToArray()),
            },
            ["filterSet"] = new JsonObject(),
        };
        var filters = new JsonArray();
        for (var i = 1; call.Form.Get($"Filter.{i}.Name") is { } name; i++)
        {
            var values = call.Form.List($"Filter.{i}.Value").Select(v => (JsonNode)new JsonObject { ["value"] = v }).ToArray();
            filters.Add(new JsonObject { ["name"] = name, ["valueSet"] = new JsonObject { ["items"] = new JsonArray(values) } });
        }

        if (filters.Count > 0)
        {
            parameters["filterSet"] = new JsonObject { ["items"] = filters };
        }

        if (maxResults is { } max)
        {
            parameters["maxResults"] = max;
        }

        if (call.Form.Get("NextToken") is { } token)
        {
            parameters["nextToken"] = token;
        }

        return parameters;
    }

    private static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("instances:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Start(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("instances:", StringComparison.Ordinal) && int.TryParse(text["instances:".Length..], CultureInfo.InvariantCulture, out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to EC2's answer for a token it did not issue.
        }

        throw new AwsServiceException("InvalidParameterValue", $"Unable to parse pagination token: {token}");
    }
}
