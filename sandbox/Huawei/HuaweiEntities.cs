using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

// The emulated account's mutable records; every access holds HuaweiState.Gate.
internal sealed class HwUser
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public string? Description { get; set; }
    public DateTimeOffset Created { get; init; }
    public bool LoginProtect { get; set; }
    public string LoginProtectMethod { get; set; } = "vmfa";
    public List<string> PolicyIds { get; } = [];
}

internal sealed class HwAccessKey
{
    public required string Id { get; init; }
    public required string Secret { get; init; }
    public required string UserId { get; init; }
    public string Status { get; set; } = "active";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? LastUsed { get; set; }
    public string? Description { get; set; }
    public bool Deleted { get; set; }

    public override string ToString() => $"HwAccessKey {{ Id = {Id}, Status = {Status} }}";
}

/// <summary>A temporary AK/SK: the caller's own (token method) or an agency's (assume_role).</summary>
internal sealed class HwTemporaryKey
{
    public required string Id { get; init; }
    public required string Secret { get; init; }
    public required string Token { get; init; }
    public required string UserId { get; init; }
    public string? AgencyName { get; init; }
    public DateTimeOffset Expires { get; init; }

    public override string ToString() => $"HwTemporaryKey {{ Id = {Id}, Expires = {Expires:O} }}";
}

internal sealed class HwAgency
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string TrustDomainName { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset Created { get; init; }
}

internal sealed class HwRole
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required JsonObject Policy { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
}

/// <summary>Who signed a call, as CTS's user field names them.</summary>
internal sealed record HwCaller(HwUser User, string AccessKeyId, bool Temporary, string? AgencyName);
