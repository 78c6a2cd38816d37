using System.Text.Json;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Classification;

/// <summary>An extra test a rule applies to the record once source and name match.</summary>
public abstract record RuleCondition
{
    public abstract bool IsMet(CloudTrailRecord record, ClassificationContext context);

    /// <summary>requestParameters has a non-null value at the path ("iamInstanceProfile").</summary>
    public static RuleCondition RequestHas(string path) => new RequestHasCondition(path);

    /// <summary>requestParameters has the value at the path, compared as JSON text ("withDecryption" = "true").</summary>
    public static RuleCondition RequestEquals(string path, string value) => new RequestEqualsCondition(path, value);

    /// <summary>The call failed (errorCode set).</summary>
    public static RuleCondition Failed { get; } = new FailedCondition();

    /// <summary>requestParameters.bucketName is a bucket a trail delivers to.</summary>
    public static RuleCondition OnTrailBucket { get; } = new TrailBucketCondition();

    /// <summary>CloudTrail did not mark the call read-only (a Describe*Images is not an image change).</summary>
    public static RuleCondition Mutating { get; } = new MutatingCondition();

    private sealed record RequestHasCondition(string Path) : RuleCondition
    {
        public override bool IsMet(CloudTrailRecord record, ClassificationContext context) =>
            record.RequestParameters is { } request && Navigate(request, Path) is { } value
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

        public override string ToString() => $"requestParameters.{Path} present";
    }

    private sealed record RequestEqualsCondition(string Path, string Value) : RuleCondition
    {
        public override bool IsMet(CloudTrailRecord record, ClassificationContext context) =>
            record.RequestParameters is { } request && Navigate(request, Path) is { } value
            && string.Equals(JsonFields.AsString(value), Value, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"requestParameters.{Path} = {Value}";
    }

    private sealed record FailedCondition : RuleCondition
    {
        public override bool IsMet(CloudTrailRecord record, ClassificationContext context) => record.Failed;

        public override string ToString() => "errorCode set";
    }

    private sealed record TrailBucketCondition : RuleCondition
    {
        public override bool IsMet(CloudTrailRecord record, ClassificationContext context) =>
            record.RequestParameters is { } request
            && JsonFields.StringAt(request, "bucketName") is { } bucket
            && context.TrailBuckets.Contains(bucket);

        public override string ToString() => "bucket is a trail's bucket";
    }

    private sealed record MutatingCondition : RuleCondition
    {
        public override bool IsMet(CloudTrailRecord record, ClassificationContext context) => record.ReadOnly != true;

        public override string ToString() => "not readOnly";
    }

    private static JsonElement? Navigate(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
