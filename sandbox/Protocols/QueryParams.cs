using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Protocols;

/// <summary>Form parameters of a query or EC2 request, with the protocols' list conventions.</summary>
internal sealed class QueryParams(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? Get(string name) => Values.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } v ? v : throw new AwsServiceException("ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    public int? Int(string name) => int.TryParse(Get(name), out var v) ? v : null;

    /// <summary>Query lists (Name.member.N) or EC2 lists (Name.N).</summary>
    public List<string> List(string name)
    {
        var result = new List<string>();
        for (var i = 1; ; i++)
        {
            var v = Get($"{name}.member.{i}") ?? Get($"{name}.{i}");
            if (v is null)
            {
                return result;
            }

            result.Add(v);
        }
    }

    /// <summary>CloudTrail's requestParameters: AWS names in camelCase, structure kept, Action/Version dropped.</summary>
    public JsonObject ToRequestParameters(params string[] omit)
    {
        var root = new JsonObject();
        foreach (var (key, value) in Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (key is "Action" or "Version" || omit.Contains(key))
            {
                continue;
            }

            var parts = key.Split('.').Where(p => p != "member").ToArray();
            JsonObject node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var name = Camel(parts[i]);
                if (node[name] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[name] = child;
                }

                node = child;
            }

            node[Camel(parts[^1])] = value;
        }

        return root;
    }

    public static string Camel(string name) => name.Length == 0 || char.IsDigit(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
