using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using CredIr.Eradication.Closure;
using CredIr.Grpc;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using DomainSourceKind = CredIr.Eradication.Trails.TrailSourceKind;

namespace CredIr.Eradication.Scanning;

/// <summary>
/// credir.v1.Eradication/Scan: validates the request, runs the closure over the chosen trail source and
/// streams it as ScanUpdate messages. Bad input fails before anything is read, with INVALID_ARGUMENT.
/// </summary>
public sealed class ScanHandler(Trails.TrailSourceFactory sources, EventClassifier classifier, RecordExtractor extractor, TimeProvider time)
{
    public async IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, CallContext context)
    {
        var cancellationToken = context.CancellationToken;
        ScanRequestValidator.Validate(request, time.GetUtcNow());
        var since = request.Since.ToDateTimeOffset();
        var closure = new ClosureRequest
        {
            Credentials = [.. request.Credentials.Select(c => ScanUpdateMapper.FromRequest(c, since))],
            Since = since,
            Until = request.Until?.ToDateTimeOffset(),
            Accounts = request.Scope is { AllAccounts: false } scope ? [.. scope.AccountIds] : [],
            Regions = request.Scope is { AllRegions: false } regions ? [.. regions.Regions] : [],
            Follow = !request.NoFollow,
            MaxDepth = request.MaxDepth,
        };

        if (request.Checkpoints.Count > 0)
        {
            // A closure's rounds depend on what earlier rounds found, so a log folder is read again from the start.
            yield return new ScanUpdate { Gap = new SourceGap { Reason = "checkpoints are not used by the log-file source: the folder is read again" } };
        }

        var engine = new ClosureEngine(sources.Create(DomainSourceKind.LogFiles, request.LogLocation), classifier, extractor, time);
        await foreach (var update in Run(engine, closure, cancellationToken))
        {
            yield return update;
        }
    }

    private static async IAsyncEnumerable<ScanUpdate> Run(ClosureEngine engine, ClosureRequest closure, [EnumeratorCancellation] CancellationToken cancellationToken)
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
