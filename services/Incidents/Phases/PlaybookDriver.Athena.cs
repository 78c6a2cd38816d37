using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Grains;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>What one Athena query over the organization trail saw of the contained keys since containment.</summary>
    private sealed record AthenaWatch(List<TrailEvent> Allowed, List<SourceGap> Gaps);

    /// <summary>
    /// Where the incident reads the trail through Athena, the watch after containment asks it too (one query of the
    /// incident's Athena target for every contained key, through Eradication's scan without following): the
    /// organization trail holds the data events (S3 GetObject: the exfiltration) that LookupEvents never shows.
    /// Null when the incident does not use Athena.
    /// </summary>
    private async Task<AthenaWatch?> WatchThroughAthenaAsync(IIncidentSession session, IEnumerable<Credential> keys, DateTimeOffset from, string actor, CancellationToken cancellationToken)
    {
        var incident = session.Current;
        if (incident.TrailSource != TrailSourceKind.Athena || phases.Eradication is not { } eradication)
        {
            return null;
        }

        var request = new ScanRequest
        {
            IncidentId = session.IncidentId,
            // By key only: a user's ARN would count the uses of its other, legitimate keys.
            Credentials = { keys.Select(static k => new Credential { AccessKeyId = k.AccessKeyId }) },
            Since = Timestamp.FromDateTimeOffset(from),
            Until = Timestamp.FromDateTimeOffset(session.Now),
            Scope = incident.Scope,
            Source = TrailSourceKind.Athena,
            Athena = new AthenaSettings { Target = incident.AthenaTarget },
            NoFollow = true,
        };
        var watch = new AthenaWatch([], []);
        try
        {
            await foreach (var update in eradication.Scan(request, Context(actor, cancellationToken, stream: true)).Responses(cancellationToken))
            {
                switch (update.UpdateCase)
                {
                    case ScanUpdate.UpdateOneofCase.Event when update.Event.ErrorCode.Length == 0 && update.Event.EventTime?.ToDateTimeOffset() >= from:
                        watch.Allowed.Add(update.Event);
                        break;
                    // Athena's coverage note is not a gap in the watch; a query that failed is.
                    case ScanUpdate.UpdateOneofCase.Gap when update.Gap.ErrorCode.Length > 0:
                        watch.Gaps.Add(update.Gap);
                        break;
                }
            }
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            watch.Gaps.Add(new SourceGap { Reason = $"Athena could not be queried: {exception.Status.Detail}", ErrorCode = exception.StatusCode.ToString() });
        }

        return watch;
    }
}
