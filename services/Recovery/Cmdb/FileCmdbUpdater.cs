using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CredIr.Recovery.Cmdb;

/// <summary>
/// The change log as a JSON file beside the CMDB ("&lt;cmdb&gt;.changes.json", an object with a <c>changes</c> array),
/// so the CMDB file itself, which people edit and Identification checks strictly, is never rewritten by a program.
/// Writes go to a temporary file then replace the log, so a crash leaves the old log or the new one, never half.
/// </summary>
public sealed class FileCmdbUpdater(IOptions<RecoveryOptions> options) : ICmdbUpdater, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RecordAsync(CmdbChange change, CancellationToken cancellationToken)
    {
        var path = options.Value.EffectiveChangeLogPath;
        if (path is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var log = await LoadAsync(path, cancellationToken).ConfigureAwait(false);
            if (log.Changes.Exists(c => c.IncidentId == change.IncidentId && c.StepId == change.StepId))
            {
                return;
            }

            log.Changes.Add(change);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, log, Json, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<CmdbChange>> ReadAsync(string? incidentId, CancellationToken cancellationToken)
    {
        var path = options.Value.EffectiveChangeLogPath;
        if (path is null)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var log = await LoadAsync(path, cancellationToken).ConfigureAwait(false);
            return [.. log.Changes.Where(c => incidentId is null || c.IncidentId == incidentId)];
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<ChangeLog> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new ChangeLog();
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<ChangeLog>(stream, Json, cancellationToken).ConfigureAwait(false) ?? new ChangeLog();
        }
        catch (JsonException e)
        {
            throw new CmdbUnavailableException($"CMDB change log '{path}' is not valid JSON: {e.Message}");
        }
    }

    private sealed class ChangeLog
    {
        public List<CmdbChange> Changes { get; init; } = [];
    }
}
