using System.Runtime.CompilerServices;
using System.Text.Json;
using CredIr.Eradication.Trails;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.HuaweiCloud;

/// <summary>
/// Huawei Cloud CTS v3 as a trail source for the closure: <c>GET /v3/{project_id}/traces</c> in every region project
/// (or the regions asked for), filtered by AK (<c>access_key_id</c>) and by user name (<c>user</c>), paged with
/// <c>next</c>. Each trace is read as a record (eventSource = service_type, eventName = trace_name, the request and
/// response bodies as requestParameters and responseElements), so classification and derived credentials are the
/// playbook's own. A region that cannot be read is a gap; CTS answers only the last 7 days, and says so as a gap.
/// </summary>
internal sealed class CtsTrailSource(HuaweiCloudAccess access, TimeProvider time) : ITrailSource
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public TrailSourceKind Kind => TrailSourceKind.Cts;

    public async IAsyncEnumerable<TrailItem> QueryAsync(TrailQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<CredIr.HuaweiCloud.Iam.IamProject> projects;
        TrailGap? unread = null;
        try
        {
            projects = await access.RegionProjectsAsync(cancellationToken);
        }
        catch (HuaweiCloudException e) when (!cancellationToken.IsCancellationRequested)
        {
            projects = [];
            unread = new TrailGap(null, null, $"IAM could not list the region projects: {Describe(e)}", EventCategories.None, e.ErrorCode, UnitFailed: true);
        }

        if (unread is not null)
        {
            yield return new TrailGapItem(unread);
        }

        var earliest = time.GetUtcNow() - Retention + TimeSpan.FromMinutes(1);
        var since = query.Since < earliest ? earliest : query.Since;
        if (query.Since < earliest)
        {
            yield return new TrailGapItem(new TrailGap(null, null,
                $"CTS answers queries over the last 7 days only: calls from {query.Since:u} to {earliest:u} are not read (a tracker's OBS bucket keeps them)", EventCategories.None));
        }

        var wanted = projects.Where(p => query.Regions.Count == 0 || query.Regions.Contains(p.Name)).ToList();
        var filters = Filters(query.Filter);
        var done = 0;
        long read = 0;
        foreach (var project in wanted)
        {
            var records = new List<CloudTrailRecord>();
            TrailGap? gap = null;
            try
            {
                foreach (var filter in filters)
                {
                    var traces = filter with { From = since, To = query.Until, Limit = HuaweiCtsClient.MaxLimit };
                    await foreach (var trace in access.Cts.ListAllTracesAsync(project.Name, project.Id, traces, cancellationToken))
                    {
                        records.Add(Record(trace, project.Name));
                    }
                }
            }
            catch (HuaweiCloudException e) when (!cancellationToken.IsCancellationRequested)
            {
                gap = new TrailGap(project.DomainId, project.Name, $"CTS traces could not be read: {Describe(e)}", EventCategories.None, e.ErrorCode, UnitFailed: true);
            }

            foreach (var record in records.DistinctBy(static r => r.EventId).Where(r => query.Filter.Matches(r)))
            {
                read++;
                yield return new TrailRecordItem(record);
            }

            if (gap is not null)
            {
                yield return new TrailGapItem(gap);
            }

            yield return new TrailProgressItem(wanted.Count, ++done, read);
        }
    }

    /// <summary>One CTS query per AK and per user name the closure follows (CTS takes one of each per query).</summary>
    private static List<CtsTraceQuery> Filters(TrailFilter filter)
    {
        var users = filter.UserNames.Concat(filter.PrincipalArns.Select(static urn => urn[(urn.LastIndexOf(':') + 1)..])).Distinct(StringComparer.Ordinal);
        return [.. filter.AccessKeyIds.Select(static k => new CtsTraceQuery { AccessKeyId = k }), .. users.Select(static u => new CtsTraceQuery { User = u })];
    }

    /// <summary>A trace in the shape the closure reads.</summary>
    internal static CloudTrailRecord Record(CtsTrace trace, string region)
    {
        var user = trace.User;
        var domain = user?.Domain?.Id;
        var agency = user?.Type == "AssumedAgency";
        using var document = JsonDocument.Parse(CredIr.HuaweiCloud.Playbook.CtsTrailEvents.Raw(trace));
        var raw = document.RootElement.Clone();
        return new CloudTrailRecord
        {
            EventId = trace.TraceId,
            EventTime = trace.At,
            EventSource = trace.ServiceType ?? "",
            EventName = trace.TraceName,
            AwsRegion = region,
            SourceIpAddress = trace.SourceIp,
            UserAgent = trace.UserAgent,
            RequestParameters = Body(trace.Request),
            ResponseElements = Body(trace.Response),
            ErrorCode = int.TryParse(trace.Code, out var status) && status >= 400 ? trace.Code : null,
            RequestId = trace.RequestId,
            ReadOnly = trace.TraceName.StartsWith("get", StringComparison.Ordinal) || trace.TraceName.StartsWith("list", StringComparison.Ordinal),
            RecipientAccountId = domain,
            UserIdentity = new UserIdentity(
                agency ? "AssumedRole" : "IAMUser",
                user?.Id,
                domain is not null && user?.Name is { } name ? (agency ? $"iam::{domain}:assumed-agency:{name}" : CredIr.Playbook.HuaweiCloud.HuaweiCredentialExtractor.UserUrn(domain, name)) : null,
                domain,
                user?.AccessKeyId,
                agency ? null : user?.Name,
                null,
                null),
            Raw = raw,
        };
    }

    private static JsonElement? Body(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(HuaweiCloudException e) => $"{e.Operation} failed: HTTP {(int)e.Status} {e.ErrorCode}: {e.ErrorMessage}";
}
