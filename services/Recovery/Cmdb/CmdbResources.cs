using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CredIr.Recovery.Cmdb;

/// <summary>
/// The CMDB file's <c>resources</c> section: known-good configuration by ARN. Read on every plan because people
/// edit the file during an incident; the other sections belong to Identification and are not looked at here.
/// </summary>
public sealed class CmdbResources(IOptions<RecoveryOptions> options)
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Every record now in the file (empty without a CMDB file).</summary>
    public CmdbSnapshot Load()
    {
        var path = options.Value.CmdbPath;
        var records = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(path))
        {
            return new CmdbSnapshot(records);
        }

        if (!File.Exists(path))
        {
            throw new CmdbUnavailableException($"CMDB file '{path}' does not exist (Recovery:CmdbPath)");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
            if (document.RootElement.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in resources.EnumerateObject())
                {
                    records[property.Name] = property.Value.Clone();
                }
            }
        }
        catch (JsonException e)
        {
            throw new CmdbUnavailableException($"CMDB file '{path}' is not valid JSON: {e.Message}");
        }

        return new CmdbSnapshot(records);
    }
}
