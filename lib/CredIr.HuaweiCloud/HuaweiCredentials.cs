namespace CredIr.HuaweiCloud;

/// <summary>
/// An AK/SK pair (permanent) or a temporary AK/SK with its security token, as Huawei Cloud issues them.
/// </summary>
public sealed record HuaweiCredentials(string AccessKeyId, string SecretAccessKey, string? SecurityToken = null)
{
    /// <summary>True for a temporary AK/SK (requests carry X-Security-Token).</summary>
    public bool IsTemporary => SecurityToken is not null;

    // Records print every member; the SK and the token must never reach logs or assertion messages.
    public override string ToString() => $"HuaweiCredentials {{ AccessKeyId = {AccessKeyId}, Temporary = {IsTemporary} }}";
}
