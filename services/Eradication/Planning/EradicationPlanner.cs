using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>
/// Playbook Part 3, step 7: for every resource the actor created that still exists, the steps that delete it
/// in dependency order: a user's policies, keys, password, MFA devices and groups before the user; an
/// instance profile's roles removed and the profile deleted before the roles; instances terminated;
/// functions deleted; buckets emptied only when allowed, else isolated and kept for forensics.
/// </summary>
public sealed class EradicationPlanner(IResourceStateReader reader)
{
    public async Task<EradicationDraft> PlanAsync(IReadOnlyList<TouchedResource> created, EradicationPlanOptions options, CancellationToken cancellationToken)
    {
        var graph = new StepGraph();
        var states = new Dictionary<string, ResourceState>(StringComparer.Ordinal);
        var deletions = new List<(TouchedResource Resource, string Step)>();
        // MFA devices last: a device enabled on a user the actor created is already planned with that user's steps
        // (same step ids), and the user's own targets and order are the ones kept.
        foreach (var resource in created.Select(Canonical).DistinctBy(r => r.Key).OrderBy(static r => r.Type == "AWS::IAM::MFADevice"))
        {
            var state = await reader.ReadAsync(resource, cancellationToken);
            states[resource.Key] = state;
            if (!state.Exists)
            {
                continue;
            }

            if (Plan(graph, resource, state, options) is { } step)
            {
                deletions.Add((resource, step));
            }
        }

        foreach (var (before, after) in DeletionOrder.Pairs)
        {
            foreach (var later in deletions.Where(d => d.Resource.Type == after))
            {
                foreach (var earlier in deletions.Where(d => d.Resource.Type == before && d.Resource.AccountId == later.Resource.AccountId))
                {
                    graph.DependOn(later.Step, earlier.Step);
                }
            }
        }

        return new EradicationDraft(graph.Ordered(), states);
    }

    /// <summary>
    /// CloudTrail's resources list names a managed policy "AWS::IAM::Policy" by its name; the request and response
    /// fields give "AWS::IAM::ManagedPolicy" by its ARN. Both are the same policy: planned once, by ARN.
    /// </summary>
    private static TouchedResource Canonical(TouchedResource resource) =>
        resource.Type == "AWS::IAM::Policy" && resource.Arn is { } arn
            ? resource with { Type = "AWS::IAM::ManagedPolicy", Id = arn, Region = null }
            : resource;

    private static string? Plan(StepGraph graph, TouchedResource resource, ResourceState state, EradicationPlanOptions options) => resource.Type switch
    {
        "AWS::IAM::User" => IamSteps.User(graph, resource, state),
        "AWS::IAM::Role" => IamSteps.Role(graph, resource, state),
        "AWS::IAM::InstanceProfile" => IamSteps.InstanceProfile(graph, resource, state),
        "AWS::IAM::ManagedPolicy" => IamSteps.ManagedPolicy(graph, resource, state),
        "AWS::IAM::AccessKey" => IamSteps.AccessKey(graph, resource.AccountId, state.Owner, resource.Id),
        "AWS::IAM::LoginProfile" => IamSteps.LoginProfile(graph, resource.AccountId, resource.Id),
        // A virtual device's serial number is its ARN; the record's resource id is only the name after "mfa/".
        "AWS::IAM::MFADevice" => IamSteps.VirtualMfaDevice(graph, resource.AccountId, resource.Arn ?? resource.Id, state.Owner),
        "AWS::IAM::UserPolicy" or "AWS::IAM::RolePolicy" or "AWS::IAM::GroupPolicy" => null,
        "AWS::S3::Bucket" => StorageSteps.Bucket(graph, resource, state, options),
        "AWS::S3::Object" => StorageSteps.Object(graph, resource, options),
        _ when DeletionOrder.SimpleDeletes.TryGetValue(resource.Type, out var action) =>
            graph.Add(action, resource, StepIds.For(action, resource.AccountId, resource.Id), $"{action.Split('(')[0]} {resource.Id}: created by the actor", reversible: false),
        _ => graph.Add("manual:Review", resource, StepIds.For("manual:Review", resource.AccountId, $"{resource.Type}/{resource.Id}"),
            $"{resource.Type} {resource.Id} was created by the actor; no automated deletion is known for this type: review and delete it by hand", reversible: false, manual: true),
    };
}
