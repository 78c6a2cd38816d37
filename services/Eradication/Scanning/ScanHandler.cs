using System.Runtime.CompilerServices;
using CredIr.Contracts.Providers;
using CredIr.Contracts.V1;
using CredIr.Eradication.HuaweiCloud;
using CredIr.Eradication.Closure;
using Grpc.Core;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using ContractSourceKind = CredIr.Contracts.V1.TrailSourceKind;

namespace CredIr.Eradication.Scanning;

/// <summary>
/// credir.v1.Eradication/Scan: validates the request, runs the closure over the chosen trail source and
/// streams it as ScanUpdate messages; incoming checkpoints resume an interrupted scan. Bad input fails before anything is read, with INVALID_ARGUMENT.
/// </summary>
public sealed class ScanHandler(Trails.TrailSourceFactory sources, EventClassifier classifier, RecordExtractor extractor, TimeProvider time, HuaweiScan? huawei = null)
{
    public async IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The seam: Huawei Cloud credentials are followed through CTS by the same closure.
        if (CloudProviders.Of(request.Credentials) == CloudProvider.HuaweiCloud)
        {
            var cts = huawei ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, CredIr.HuaweiCloud.Hosting.HuaweiCloudAccess.NotConfigured));
            await foreach (var update in cts.ScanAsync(request, () => ClosureFor(request), cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        sources.RequireLogRoot(request);
        ScanRequestValidator.Validate(request, time.GetUtcNow());
        var closure = ClosureFor(request);

        if (request.Source == ContractSourceKind.LookupEvents)
        {
            using var sessions = sources.CreateSessions(request.IncidentId, request.Scope?.ResponseRoleName, request.Scope?.ExternalId);
            var lookup = new ClosureEngine(sources.CreateLookupEvents(sessions), classifier, extractor, time);
            await foreach (var update in Run(lookup, closure, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        if (request.Source == ContractSourceKind.Athena)
        {
            var athena = new ClosureEngine(sources.CreateAthena(sources.AthenaTarget(request.Athena)), classifier, extractor, time);
            await foreach (var update in Run(athena, closure, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var engine = new ClosureEngine(sources.CreateLogFiles(request.LogLocation), classifier, extractor, time);
        await foreach (var update in Run(engine, closure, cancellationToken))
        {
            yield return update;
        }
    }

    private static ClosureRequest ClosureFor(ScanRequest request)
    {
        var since = request.Since.ToDateTimeOffset();
        return new ClosureRequest
        {
            Credentials = [.. request.Credentials.Select(c => ScanUpdateMapper.FromRequest(c, since))],
            Since = since,
            Until = Until(request),
            Accounts = request.Scope is { AllAccounts: false } scope ? [.. scope.AccountIds] : [],
            Regions = request.Scope is { AllRegions: false } regions ? [.. regions.Regions] : [],
            Follow = !request.NoFollow,
            MaxDepth = request.MaxDepth,
            ResumeFrom = [.. request.Checkpoints.Select(ScanUpdateMapper.FromWire)],
        };
    }

    // A resumed scan must cut its window into the same segments, so it ends where the interrupted one did.
    private static DateTimeOffset? Until(ScanRequest request) =>
        request.Until?.ToDateTimeOffset()
        ?? request.Checkpoints.Where(static c => c.Segment is not null).Select(static c => (DateTimeOffset?)c.Segment.End.ToDateTimeOffset()).Max();

    internal static async IAsyncEnumerable<ScanUpdate> Run(ClosureEngine engine, ClosureRequest closure, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in engine.RunAsync(closure, cancellationToken))
        {
            if (ScanUpdateMapper.ToWire(update) is { } wire)
            {
                yield return wire;
            }
        }
    }
}
