namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    public async Task<byte[]> GetOrAddKeyAsync(string name, byte[] generated, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var insert = Command(connection, "INSERT INTO approval_keys (name, key_value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING"))
        {
            Param(insert, "@name", name);
            Param(insert, "@value", Convert.ToBase64String(generated));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = Command(connection, "SELECT key_value FROM approval_keys WHERE name = @name");
        Param(select, "@name", name);
        return Convert.FromBase64String((string)(await select.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<bool> TryUseTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var prune = Command(connection, "DELETE FROM used_approval_tokens WHERE expires_at < @now"))
        {
            Param(prune, "@now", Time.GetUtcNow().ToUnixTimeMilliseconds());
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = Command(connection, "INSERT INTO used_approval_tokens (token_id, expires_at) VALUES (@id, @expires) ON CONFLICT (token_id) DO NOTHING");
        Param(insert, "@id", tokenId);
        Param(insert, "@expires", expiresAt.ToUnixTimeMilliseconds());
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
