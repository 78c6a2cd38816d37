using System.Text.Json;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>What a plan removes, as (type, id, account) lines, and the scenario's ground truth in the same form.</summary>
internal static class GroundTruth
{
    /// <summary>The resources whose own deletion the plan holds (not the parts removed before them).</summary>
    public static SortedSet<string> Deleted(Plan plan) => new(
        plan.Steps.Where(static s => IsDeletionOf(s)).Select(static s => Line(s.Target.Type, s.Target.Id, s.Target.AccountId)),
        StringComparer.Ordinal);

    /// <summary>groundTruth.actorCreated, with instances named by their id (the scenario only describes them).</summary>
    public static SortedSet<string> ActorCreated(JsonElement truth, Func<JsonElement, string>? instanceId = null) => new(
        truth.GetProperty("actorCreated").EnumerateArray().Select(r =>
        {
            var type = r.GetProperty("type").GetString()!;
            var name = r.GetProperty("name").GetString()!;
            var id = type switch
            {
                "AWS::EC2::Instance" => instanceId!(r),
                "AWS::Lambda::Function" => name.Split(':')[^1],
                _ => name,
            };
            return Line(type, id, r.GetProperty("account").GetString()!);
        }),
        StringComparer.Ordinal);

    public static string Line(string type, string id, string account) => $"{type} {id} @{account}";

    private static bool IsDeletionOf(PlanStep step) => (step.Target.Type, step.Action) switch
    {
        ("AWS::IAM::User", "iam:DeleteUser") => true,
        ("AWS::IAM::Role", "iam:DeleteRole") => true,
        ("AWS::IAM::AccessKey", "iam:DeleteAccessKey") => true,
        ("AWS::IAM::LoginProfile", "iam:DeleteLoginProfile") => true,
        ("AWS::IAM::InstanceProfile", "iam:DeleteInstanceProfile") => true,
        ("AWS::IAM::ManagedPolicy", "iam:DeletePolicy") => true,
        ("AWS::EC2::Instance", "ec2:TerminateInstances") => true,
        ("AWS::Lambda::Function", "lambda:DeleteFunction") => true,
        ("AWS::S3::Bucket", "s3:DeleteBucket" or "s3:PutBucketPolicy(IsolateForForensics)") => true,
        _ => false,
    };
}
