namespace CredIr.Sandbox.Model;

internal sealed record LoginProfile(DateTimeOffset Created, bool PasswordResetRequired);
