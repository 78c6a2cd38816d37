using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.CloudTrail;

/// <summary>CloudTrail over JSON 1.1: event history lookup and the trails an attacker stops or deletes.</summary>
internal sealed class CloudTrailService(LookupEvents lookup) : ISandboxService
{
    private static readonly HashSet<string> Operations = ["LookupEvents", "DescribeTrails", "GetTrailStatus", "StopLogging", "StartLogging", "DeleteTrail", "CreateTrail"];

    public ServiceModel Descriptor => ServiceModel.CloudTrail;

    public string? Resolve(RequestLine line) => line.Action is { } a && Operations.Contains(a) ? a : null;

    public void Admit(string operation, string accountId, string region)
    {
        if (operation == "LookupEvents")
        {
            lookup.Admit(accountId, region);
        }
    }

    public ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "LookupEvents" => lookup.Handle(call),
        "DescribeTrails" => DescribeTrails(call),
        "GetTrailStatus" => GetTrailStatus(call),
        "StopLogging" => SetLogging(call, false),
        "StartLogging" => SetLogging(call, true),
        "CreateTrail" => CreateTrail(call),
        _ => DeleteTrail(call),
    };

    private static ServiceResult DescribeTrails(SandboxCall call)
    {
        call.Authorize("cloudtrail:DescribeTrails", "*");
        lock (call.State.Gate)
        {
            var trails = call.Account.Trails.Values.Where(t => t.IsMultiRegion || t.HomeRegion == call.Region);
            return ServiceResult.Of(new JsonObject { ["trailList"] = new JsonArray(trails.Select(t => (JsonNode)Render(t)).ToArray()) });
        }
    }

    private static ServiceResult GetTrailStatus(SandboxCall call)
    {
        var trail = Find(call, "cloudtrail:GetTrailStatus");
        lock (call.State.Gate)
        {
            var status = new JsonObject { ["IsLogging"] = trail.Logging };
            if (trail.StartedAt is { } started)
            {
                status["StartLoggingTime"] = started.ToUnixTimeSeconds();
            }

            if (trail.StoppedAt is { } stopped)
            {
                status["StopLoggingTime"] = stopped.ToUnixTimeSeconds();
            }

            return ServiceResult.Of(status);
        }
    }

    private static ServiceResult SetLogging(SandboxCall call, bool logging)
    {
        var trail = Find(call, logging ? "cloudtrail:StartLogging" : "cloudtrail:StopLogging");
        lock (call.State.Gate)
        {
            trail.Logging = logging;
            if (logging)
            {
                trail.StartedAt = call.Time;
            }
            else
            {
                trail.StoppedAt = call.Time;
            }
        }

        call.Resources.Add(("AWS::CloudTrail::Trail", trail.Arn));
        return ServiceResult.Of(new JsonObject());
    }

    private static ServiceResult DeleteTrail(SandboxCall call)
    {
        var trail = Find(call, "cloudtrail:DeleteTrail");
        lock (call.State.Gate)
        {
            call.Account.Trails.Remove(trail.Name);
        }

        call.Resources.Add(("AWS::CloudTrail::Trail", trail.Arn));
        return ServiceResult.Of(new JsonObject());
    }

    private static ServiceResult CreateTrail(SandboxCall call)
    {
        var name = call.Json["Name"]?.GetValue<string>() ?? throw new AwsServiceException("InvalidTrailNameException", "Trail name must not be empty.", 400);
        var bucket = call.Json["S3BucketName"]?.GetValue<string>() ?? throw new AwsServiceException("InvalidS3BucketNameException", "Bucket name must not be empty.", 400);
        var arn = call.Arn("cloudtrail", $"trail/{name}");
        call.Authorize("cloudtrail:CreateTrail", arn);
        lock (call.State.Gate)
        {
            if (call.Account.Trails.ContainsKey(name))
            {
                throw new AwsServiceException("TrailAlreadyExistsException", $"Trail {name} already exists for customer: {call.Account.Id}", 400);
            }

            var trail = new Model.Trail(name, arn, call.Region, bucket) { IsMultiRegion = call.Json["IsMultiRegionTrail"]?.GetValue<bool>() ?? false, Logging = false };
            call.Account.Trails[name] = trail;
            call.Resources.Add(("AWS::CloudTrail::Trail", arn));
            var rendered = Render(trail);
            rendered.Remove("HomeRegion");
            return ServiceResult.Of(rendered);
        }
    }

    private static Model.Trail Find(SandboxCall call, string action)
    {
        var name = call.Json["Name"]?.GetValue<string>() ?? "";
        Model.Trail? trail;
        lock (call.State.Gate)
        {
            trail = call.Account.Trails.Values.FirstOrDefault(t => t.Name == name || t.Arn == name);
        }

        call.Authorize(action, trail?.Arn ?? call.Arn("cloudtrail", $"trail/{name}"));
        return trail ?? throw new AwsServiceException("TrailNotFoundException", $"Unknown trail: {name} for the user: {call.Account.Id}", 400);
    }

    private static JsonObject Render(Model.Trail t) => new()
    {
        ["Name"] = t.Name,
        ["S3BucketName"] = t.Bucket,
        ["IncludeGlobalServiceEvents"] = true,
        ["IsMultiRegionTrail"] = t.IsMultiRegion,
        ["HomeRegion"] = t.HomeRegion,
        ["TrailARN"] = t.Arn,
        ["LogFileValidationEnabled"] = true,
        ["HasCustomEventSelectors"] = false,
        ["HasInsightSelectors"] = false,
        ["IsOrganizationTrail"] = t.IsOrganizationTrail,
    };
}
