using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Storage;
using Google.Protobuf;

namespace CredIr.Incidents.Phases;

/// <summary>
/// Consumes one scan stream into the incident: events into the findings table in batches (never
/// the document), derived credentials into the document (which may reopen containment),
/// checkpoints into the store so a restarted scan resumes, and the summary as the findings counts.
/// </summary>
internal sealed class ScanRecorder(IIncidentSession session, Contracts.V1.Eradication.EradicationClient eradication, CallOptions context)
{
    private const int BatchSize = 200;
    private readonly List<TrailEvent> _batch = [];

    /// <summary>True when the scan reported itself complete.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var incident = session.Current;
        var stored = await session.Store.ReadCheckpointsAsync(session.IncidentId, cancellationToken);
        var request = new ScanRequest
        {
            IncidentId = session.IncidentId,
            Credentials = { incident.Credentials },
            Since = incident.CompromiseWindow?.Start,
            Scope = incident.Scope,
            Source = incident.TrailSource,
            LogLocation = incident.LogLocation,
            Athena = incident.TrailSource == TrailSourceKind.Athena ? new AthenaSettings { Target = incident.AthenaTarget } : null,
            Checkpoints = { stored.Select(ToProto) },
        };

        ScanSummary? summary = null;
        await foreach (var update in eradication.Scan(request, context).Responses(cancellationToken))
        {
            switch (update.UpdateCase)
            {
                case ScanUpdate.UpdateOneofCase.Event:
                    _batch.Add(update.Event);
                    if (_batch.Count >= BatchSize)
                    {
                        await FlushAsync(cancellationToken);
                    }

                    break;
                case ScanUpdate.UpdateOneofCase.Credential:
                    await FlushAsync(cancellationToken);
                    var credential = update.Credential;
                    await session.CommitAsync(null, "credential", $"derived credential {PlanRules.CredentialId(credential)} found", draft =>
                        IncidentWorkflow.AddCredential(draft, credential, session.Now), cancellationToken);
                    break;
                case ScanUpdate.UpdateOneofCase.Checkpoint:
                    // Events before a checkpoint must be stored before the checkpoint says they were read.
                    await FlushAsync(cancellationToken);
                    await session.Store.SaveCheckpointAsync(FromProto(update.Checkpoint), cancellationToken);
                    break;
                case ScanUpdate.UpdateOneofCase.Summary:
                    summary = update.Summary;
                    break;
            }
        }

        await FlushAsync(cancellationToken);
        if (summary is null)
        {
            return false;
        }

        await session.CommitAsync(null, "scan", $"scan {(summary.Complete ? "complete" : "incomplete")}: {summary.EventsAttributed} events attributed", draft =>
        {
            draft.Findings = new FindingsSummary
            {
                EventsAttributed = summary.EventsAttributed,
                EventsByCategory = { summary.EventsByCategory },
                CredentialsDerived = summary.CredentialsDerived,
                ResourcesCreated = summary.Created.Count,
                ResourcesModified = summary.Modified.Count,
                ResourcesDeleted = summary.Deleted.Count,
                Gaps = { summary.Gaps },
                ScanComplete = summary.Complete,
            };
            return true;
        }, cancellationToken);
        return summary.Complete;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        await session.Store.AddFindingsAsync(session.IncidentId, _batch, cancellationToken);
        _batch.Clear();
    }

    private ScanCheckpointRecord FromProto(ScanCheckpoint checkpoint)
    {
        var segment = checkpoint.Segment is null ? string.Empty : JsonFormatter.Default.Format(checkpoint.Segment);
        return new ScanCheckpointRecord(
            session.IncidentId,
            $"{checkpoint.AccessKeyId}/{checkpoint.AccountId}/{checkpoint.Region}/{segment}",
            checkpoint.AccountId,
            checkpoint.Region,
            segment,
            checkpoint.NextToken.Length > 0 ? checkpoint.NextToken : null,
            checkpoint.Done,
            session.Now);
    }

    private static ScanCheckpoint ToProto(ScanCheckpointRecord record) => new()
    {
        AccessKeyId = record.Key[..record.Key.IndexOf('/', StringComparison.Ordinal)],
        AccountId = record.AccountId,
        Region = record.Region,
        Segment = record.Segment.Length > 0 ? JsonParser.Default.Parse<TimeRange>(record.Segment) : null,
        NextToken = record.NextToken ?? string.Empty,
        Done = record.Done,
    };
}
