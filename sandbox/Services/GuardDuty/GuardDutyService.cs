using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.GuardDuty;

/// <summary>GuardDuty over REST-JSON: detectors and the findings a scenario seeds, in GuardDuty's own JSON.</summary>
internal sealed class GuardDutyService : ISandboxService
{
    public ServiceModel Descriptor => ServiceModel.GuardDuty;

    public string? Resolve(RequestLine line) => (line.Method, string.Join('/', line.Segments.Select((s, i) => i == 1 ? "{id}" : s))) switch
    {
        ("GET", "detector") => "ListDetectors",
        ("GET", "detector/{id}") => "GetDetector",
        ("POST", "detector/{id}/findings") => "ListFindings",
        ("POST", "detector/{id}/findings/get") => "GetFindings",
        _ => null,
    };

    public ServiceResult Handle(SandboxCall call)
    {
        if (call.Operation == "ListDetectors")
        {
            call.Authorize("guardduty:ListDetectors", "*");
            lock (call.State.Gate)
            {
                var ids = call.Account.Detectors.Values.Where(d => d.Region == call.Region).Select(d => (JsonNode)d.Id).ToArray();
                return ServiceResult.Of(new JsonObject { ["detectorIds"] = new JsonArray(ids) });
            }
        }

        var id = call.Segments[1];
        call.RequestParameters = new JsonObject { ["detectorId"] = id };
        var arn = call.Arn("guardduty", $"detector/{id}");
        call.Authorize($"guardduty:{call.Operation}", arn);
        lock (call.State.Gate)
        {
            var detector = call.Account.Detectors.GetValueOrDefault(id);
            if (detector is null || detector.Region != call.Region)
            {
                throw new AwsServiceException("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.", 400);
            }

            return call.Operation switch
            {
                "GetDetector" => ServiceResult.Of(new JsonObject { ["status"] = "ENABLED", ["serviceRole"] = $"arn:{call.Account.Partition}:iam::{call.Account.Id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty", ["findingPublishingFrequency"] = "SIX_HOURS" }),
                "ListFindings" => ListFindings(call, detector),
                _ => GetFindings(call, detector),
            };
        }
    }

    private static ServiceResult ListFindings(SandboxCall call, GuardDutyDetector detector)
    {
        var max = call.Json["maxResults"]?.GetValue<int>() ?? 50;
        var start = int.TryParse(call.Json["nextToken"]?.GetValue<string>(), out var s) ? s : 0;
        var ids = detector.Findings.Keys.Order(StringComparer.Ordinal).ToList();
        var page = ids.Skip(start).Take(max).Select(i => (JsonNode)i).ToArray();
        var result = new JsonObject { ["findingIds"] = new JsonArray(page) };
        if (start + page.Length < ids.Count)
        {
            result["nextToken"] = (start + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ServiceResult.Of(result);
    }

    private static ServiceResult GetFindings(SandboxCall call, GuardDutyDetector detector)
    {
        var wanted = (call.Json["findingIds"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? [];
        var findings = wanted.Select(detector.Findings.GetValueOrDefault).OfType<JsonObject>().Select(f => f.DeepClone()).ToArray();
        return ServiceResult.Of(new JsonObject { ["findings"] = new JsonArray(findings) });
    }
}
