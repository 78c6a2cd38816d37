using CredIr.Sandbox.Iam.Policies.Internal;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>EC2's Filter.N.Name / Filter.N.Value.M: filters are ANDed, a filter's values ORed, values may hold * and ? wildcards.</summary>
internal sealed class Ec2Filters
{
    private readonly List<(string Name, List<string> Values)> filters = [];

    private Ec2Filters()
    {
    }

    public static Ec2Filters From(QueryParams form)
    {
        var result = new Ec2Filters();
        for (var i = 1; form.Get($"Filter.{i}.Name") is { } name; i++)
        {
            result.filters.Add((name, form.List($"Filter.{i}.Value")));
        }

        return result;
    }

    /// <summary>Whether every filter matches; a filter this sandbox does not know fails as EC2 answers an unknown filter name.</summary>
    public bool Matches(Func<string, IEnumerable<string>?> valuesOf)
    {
        foreach (var (name, wanted) in filters)
        {
            var actual = valuesOf(name) ?? throw new AwsServiceException("InvalidParameterValue", $"The filter '{name}' is invalid");
            if (!actual.Any(a => wanted.Any(w => Wildcard.IsMatch(w, a, ignoreCase: false))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values an instance offers to DescribeInstances' filters (null: a filter name not supported).</summary>
    public static IEnumerable<string>? InstanceValues(Ec2Instance i, string name) => name switch
    {
        "instance-id" => [i.Id],
        "instance-state-name" => [i.State],
        "instance-type" => [i.InstanceType],
        "image-id" => [i.ImageId],
        "key-name" => i.KeyName is null ? [] : [i.KeyName],
        "iam-instance-profile.arn" => i.InstanceProfileArn is null ? [] : [i.InstanceProfileArn],
        "availability-zone" => [i.Region + "a"],
        "tag-key" => i.Tags.Keys,
        _ when name.StartsWith("tag:", StringComparison.Ordinal) => i.Tags.TryGetValue(name[4..], out var v) ? [v] : [],
        _ => null,
    };
}
