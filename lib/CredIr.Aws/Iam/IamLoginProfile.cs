namespace CredIr.Aws;

/// <summary>A user's console password settings (never the password).</summary>
public sealed record IamLoginProfile(string UserName, DateTimeOffset? CreateDate, bool PasswordResetRequired);
