using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Extraction;

/// <summary>Extracts the resources a record touched (from the resource table) and the credentials it made.</summary>
public sealed class RecordExtractor(IReadOnlyList<ResourceFieldRule> fields)
{
    public RecordExtractor()
        : this(ResourceFields.All)
    {
    }

    public RecordFacts Extract(CloudTrailRecord record)
    {
        var change = ChangeKinds.ForRecord(record);
        return new RecordFacts(change, Resources(record, change), CredentialExtractor.Extract(record));
    }

    private List<TouchedResource> Resources(CloudTrailRecord record, ChangeKind change)
    {
        var account = record.AccountId;
        var partition = ArnParts.Partition(record.UserIdentity.Arn);
        var seen = new Dictionary<string, TouchedResource>(StringComparer.Ordinal);
        var hasRequest = record.RequestParameters is not null;
        var hasResponse = record.ResponseElements is not null;
        foreach (var rule in fields)
        {
            if ((rule.FromResponse ? !hasResponse : !hasRequest)
                || !rule.SourcePattern.IsMatch(record.EventSource)
                || !rule.EventNamePattern.IsMatch(record.EventName))
            {
                continue;
            }

            foreach (var value in JsonFields.AtPath(record.Raw, rule.Segments))
            {
                var resourceChange = ChangeKinds.ForResource(record, change, rule.Noun, rule.FromResponse);
                Add(seen, Make(rule.Type, value, account, record.AwsRegion, partition, resourceChange));
            }
        }

        foreach (var listed in record.Resources)
        {
            if (listed.Arn is not { Length: > 0 } arn || listed.Type is not { Length: > 0 } type)
            {
                continue;
            }

            var noun = type[(type.LastIndexOf(':') + 1)..];
            Add(seen, Make(type, arn, listed.AccountId ?? account, record.AwsRegion, partition, ChangeKinds.ForResource(record, change, noun, fromResponse: false)));
        }

        return [.. seen.Values];
    }

    private static TouchedResource Make(string type, string value, string? account, string? region, string partition, ChangeKind change)
    {
        // IAM is global: one user is the same resource whatever region the call was logged in.
        var resourceRegion = type.StartsWith("AWS::IAM::", StringComparison.Ordinal) || type == "AWS::S3::Bucket" ? null : region;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            var id = type == "AWS::IAM::ManagedPolicy" ? value : ArnParts.Name(value) ?? value;
            return new TouchedResource(type, id, value, ArnParts.Account(value) ?? account, resourceRegion, change);
        }

        return new TouchedResource(type, value, ArnBuilder.For(type, value, account, resourceRegion ?? region, partition), account, resourceRegion, change);
    }

    private static void Add(Dictionary<string, TouchedResource> seen, TouchedResource resource)
    {
        // The same resource named twice (request and resources[]): keep the strongest change.
        if (!seen.TryGetValue(resource.Key, out var existing) || Strength(resource.Change) > Strength(existing.Change))
        {
            seen[resource.Key] = resource;
        }
    }

    private static int Strength(ChangeKind change) => change switch
    {
        ChangeKind.Created or ChangeKind.Deleted => 3,
        ChangeKind.Modified => 2,
        ChangeKind.Referenced => 1,
        _ => 0,
    };
}
