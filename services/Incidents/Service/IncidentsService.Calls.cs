using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Reporting;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Service;

public sealed partial class IncidentsService
{
    private async Task<Incident> OpenAsync(OpenIncidentRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (request.RequestId.Length > 0 && await _store.FindRequestAsync(request.RequestId, cancellationToken) is { } existing)
        {
            return await _grains.GetGrain(existing).GetAsync(cancellationToken);
        }

        var grain = _grains.GetGrain(IncidentIds.New(_time));
        try
        {
            return await grain.OpenAsync(request, Actor(context), cancellationToken);
        }
        catch (IncidentConflictException) when (request.RequestId.Length > 0)
        {
            // Another caller opened with the same request id at the same moment: theirs is the incident.
            var winner = await _store.FindRequestAsync(request.RequestId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return await _grains.GetGrain(winner).GetAsync(cancellationToken);
        }
    }

    private async IAsyncEnumerable<EvidenceEntry> ExportAsync(string incidentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Grain(incidentId).GetAsync(cancellationToken);
        await foreach (var record in _evidence.ExportAsync(incidentId, cancellationToken))
        {
            yield return new EvidenceEntry
            {
                Sequence = record.Sequence,
                At = Timestamp.FromDateTimeOffset(record.At),
                Kind = record.Kind,
                Summary = record.Summary,
                PayloadJson = record.PayloadJson,
                Hash = record.Hash,
                PreviousHash = record.PreviousHash,
            };
        }
    }

    /// <summary>The post-incident report (JSON by default, Markdown or self-contained HTML), built from the incident, its findings, journal and evidence.</summary>
    private async Task<Report> ReportAsync(GetReportRequest request, CancellationToken cancellationToken)
    {
        var incident = await Grain(request.IncidentId).GetAsync(cancellationToken);
        var reporter = new IncidentReporter(new ReportInputReader(_store, _evidence), _time);
        return await reporter.ReportAsync(incident, request.Format, cancellationToken);
    }
}
