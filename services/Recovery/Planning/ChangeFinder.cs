using CredIr.Contracts.V1;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Recovery.Planning;

/// <summary>
/// Playbook Part 4's input: from the actor's records, every part of an existing resource it modified or deleted.
/// What the actor created is eradication's (deleted, not recovered), so a change to a resource the actor itself
/// created is left out. PutObject and Put*Policy count as creations in the extraction but may have overwritten
/// something that existed: they are kept as candidates and the planner looks up whether an older version or a
/// CMDB record shows there was one.
/// </summary>
internal sealed class ChangeFinder(RecordExtractor extractor)
{
    private static readonly HashSet<string> PolicyVersionEvents = new(StringComparer.Ordinal) { "CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion" };

    public IReadOnlyList<ActorChange> Find(IEnumerable<CloudTrailRecord> records)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        var found = new Dictionary<string, (ActorChange Change, List<ActorEvent> Events, string Guard)>(StringComparer.Ordinal);
        foreach (var record in records.OrderBy(r => r.EventTime))
        {
            var facts = extractor.Extract(record);
            if (facts.Change == ChangeKind.Read)
            {
                continue;
            }

            var actorEvent = new ActorEvent(record.EventId, record.EventTime, record.EventName, record);
            var owner = facts.Resources.FirstOrDefault(r => r.Type is "AWS::IAM::User" or "AWS::IAM::Role" or "AWS::IAM::Group");
            foreach (var resource in facts.Resources)
            {
                if (resource.Change == ChangeKind.Created && resource.Type is not ("AWS::S3::Object" or "AWS::IAM::UserPolicy" or "AWS::IAM::RolePolicy"))
                {
                    created.Add(resource.Key);
                    continue;
                }

                if (Classify(record, resource, owner) is not { } change)
                {
                    continue;
                }

                // A change to a part of something the actor created (its trust policy, its attachments) is eradication's too.
                var guard = change.Aspect is Aspect.InlinePolicy or Aspect.Attachment && owner is not null ? owner.Key : resource.Key;
                if (!found.TryGetValue(change.ItemId, out var entry))
                {
                    found[change.ItemId] = entry = (change, [], guard);
                }

                entry.Events.Add(actorEvent);
                if (change.Change == ResourceChange.Deleted && entry.Change.Change != ResourceChange.Deleted)
                {
                    found[change.ItemId] = (entry.Change with { Change = ResourceChange.Deleted }, entry.Events, guard);
                }
            }
        }

        return [.. found.Values
            .Where(f => !created.Contains(f.Guard))
            .Select(f => f.Change with { Events = f.Events })
            .OrderBy(c => c.ItemId, StringComparer.Ordinal)];
    }

    private static ActorChange? Classify(CloudTrailRecord record, TouchedResource resource, TouchedResource? owner)
    {
        var name = record.EventName;
        var change = resource.Change == ChangeKind.Deleted ? ResourceChange.Deleted : ResourceChange.Modified;
        var reference = Reference(resource);
        return resource.Type switch
        {
            "AWS::IAM::ManagedPolicy" when PolicyVersionEvents.Contains(name) =>
                Make(Aspect.PolicyDefault, $"policy-version|{resource.Id}", reference, ResourceChange.Modified),
            "AWS::IAM::ManagedPolicy" => null,
            "AWS::IAM::Role" when name == "UpdateAssumeRolePolicy" =>
                Make(Aspect.TrustPolicy, $"trust-policy|{reference.Arn}", reference, ResourceChange.Modified),
            "AWS::IAM::User" or "AWS::IAM::Role" when resource.Change == ChangeKind.Deleted =>
                Make(Aspect.Principal, $"principal|{reference.Arn}", reference, ResourceChange.Deleted),
            "AWS::IAM::User" or "AWS::IAM::Role" or "AWS::IAM::Group" when name.StartsWith("Attach", StringComparison.Ordinal) || name.StartsWith("Detach", StringComparison.Ordinal) =>
                PolicyArn(record) is { } policyArn
                    ? Make(Aspect.Attachment, $"attachment|{reference.Arn}|{policyArn}", reference, ResourceChange.Modified) with { Detail = policyArn }
                    : null,
            // The inline policy's own item covers Put/Delete*Policy; keys, passwords and MFA are containment's.
            "AWS::IAM::User" or "AWS::IAM::Role" or "AWS::IAM::Group" when resource.Change == ChangeKind.Modified && IsCoveredElsewhere(name) => null,
            "AWS::IAM::UserPolicy" or "AWS::IAM::RolePolicy" when owner is not null =>
                Make(Aspect.InlinePolicy, $"inline-policy|{owner.Arn}|{resource.Id}", Reference(owner, resource.Type, $"{owner.Id}/{resource.Id}"), change)
                    with { Owner = owner.Id, OwnerKind = owner.Type, Detail = resource.Id },
            "AWS::S3::Object" => ObjectReference(record, resource) is var objectRef ? Make(Aspect.Object, $"object|{objectRef.Arn}", objectRef, change) : null,
            "AWS::EC2::Instance" when change == ResourceChange.Modified => Make(Aspect.Instance, $"instance|{reference.Arn ?? resource.Id}", reference, change),
            "AWS::S3::Bucket" when change == ResourceChange.Deleted => Make(Aspect.Bucket, $"bucket|{reference.Arn}", reference, change),
            "AWS::IAM::AccessKey" or "AWS::IAM::LoginProfile" or "AWS::IAM::MFADevice" => null,
            _ when resource.Change is ChangeKind.Modified or ChangeKind.Deleted =>
                Make(Aspect.Other, $"other|{resource.Type}|{reference.Arn ?? resource.Id}", reference, change),
            _ => null,
        };
    }

    private static bool IsCoveredElsewhere(string eventName) =>
        eventName.EndsWith("Policy", StringComparison.Ordinal) || eventName.Contains("AccessKey", StringComparison.Ordinal)
        || eventName.Contains("LoginProfile", StringComparison.Ordinal) || eventName.Contains("MFADevice", StringComparison.Ordinal)
        || eventName is "AddUserToGroup" or "RemoveUserFromGroup";

    private static ActorChange Make(Aspect aspect, string itemId, ResourceRef resource, ResourceChange change) => new(aspect, itemId, resource, change, []);

    private static ResourceRef Reference(TouchedResource resource, string? type = null, string? id = null) => new()
    {
        Arn = resource.Arn ?? "",
        Type = type ?? resource.Type,
        Id = id ?? resource.Id,
        AccountId = resource.AccountId ?? "",
        Region = resource.Region ?? "",
    };

    // An object's ARN is bucket/key; its region is the call's (S3 objects live in their bucket's region).
    private static ResourceRef ObjectReference(CloudTrailRecord record, TouchedResource resource)
    {
        var bucket = record.RequestParameters is { } p ? JsonFields.StringAt(p, "bucketName") : null;
        var id = bucket is null ? resource.Id : $"{bucket}/{resource.Id}";
        return new ResourceRef
        {
            Arn = $"arn:{ArnParts.Partition(record.UserIdentity.Arn)}:s3:::{id}",
            Type = resource.Type,
            Id = id,
            AccountId = resource.AccountId ?? "",
            Region = record.AwsRegion ?? "",
        };
    }

    private static string? PolicyArn(CloudTrailRecord record) =>
        record.RequestParameters is { } p ? JsonFields.StringAt(p, "policyArn") : null;
}
