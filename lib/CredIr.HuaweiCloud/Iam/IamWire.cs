using System.Text.Json.Nodes;

namespace CredIr.HuaweiCloud.Iam;

// Request and response bodies exactly as IAM spells them (snake_case through HuaweiJson).
internal sealed record CredentialEnvelope(AccessKeyInfo Credential);

internal sealed record CredentialsEnvelope(IReadOnlyList<AccessKeyInfo> Credentials);

internal sealed record UserEnvelope(IamUser User);

internal sealed record ProjectsEnvelope(IReadOnlyList<IamProject> Projects);

internal sealed record LoginProtectEnvelope(LoginProtection LoginProtect);

internal sealed record CredentialStatusBody(CredentialStatus Credential);

internal sealed record CredentialStatus(string Status);

internal sealed record CreateCredentialBody(CreateCredential Credential);

internal sealed record CreateCredential(string UserId, string? Description);

internal sealed record UserEnabledBody(UserEnabled User);

internal sealed record UserEnabled(bool Enabled);

internal sealed record SecurityTokenBody(JsonObject Auth);
