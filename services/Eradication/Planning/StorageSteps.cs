using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>Buckets and objects: data is only destroyed when the responder allowed it; otherwise it is isolated and kept.</summary>
internal static class StorageSteps
{
    public static string Bucket(StepGraph graph, TouchedResource bucket, ResourceState state, EradicationPlanOptions options)
    {
        if (state.HasObjects && !options.AllowEmptyingBuckets)
        {
            return graph.Add("s3:PutBucketPolicy(IsolateForForensics)", bucket, StepIds.For("s3:IsolateBucket", bucket.AccountId, bucket.Id),
                $"isolate bucket {bucket.Id} (deny all but the responders, block public access) and keep its objects for forensics; emptying it was not allowed",
                reversible: true);
        }

        var before = state.HasObjects
            ? [graph.Add("s3:DeleteObjects(AllVersions)", bucket, StepIds.For("s3:EmptyBucket", bucket.AccountId, bucket.Id), $"delete every object and version in bucket {bucket.Id}", reversible: false)]
            : new List<string>();
        return graph.Add("s3:DeleteBucket", bucket, StepIds.For("s3:DeleteBucket", bucket.AccountId, bucket.Id), $"delete bucket {bucket.Id}, created by the actor", reversible: false, before);
    }

    public static string Object(StepGraph graph, TouchedResource obj, EradicationPlanOptions options) => options.AllowEmptyingBuckets
        ? graph.Add("s3:DeleteObject", obj, StepIds.For("s3:DeleteObject", obj.AccountId, obj.Arn ?? obj.Id), $"delete object {obj.Arn ?? obj.Id} the actor wrote", reversible: false)
        : graph.Add("manual:Review", obj, StepIds.For("manual:Review", obj.AccountId, obj.Arn ?? obj.Id),
            $"object {obj.Arn ?? obj.Id} was written by the actor; kept for forensics (emptying not allowed): review it", reversible: false, manual: true);
}
